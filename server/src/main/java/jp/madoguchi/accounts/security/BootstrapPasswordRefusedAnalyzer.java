package jp.madoguchi.accounts.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up failure report for a refused bootstrap password: what is wrong and what to do,
 * in the operator's language, without the stack trace (registered in
 * {@code META-INF/spring.factories}).
 */
class BootstrapPasswordRefusedAnalyzer extends AbstractFailureAnalyzer<BootstrapPasswordRefused> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BootstrapPasswordRefused cause) {
		return new FailureAnalysis("環境変数 MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD のパスワードは使えません: " + cause.reason(),
				"パスワードの規則（docs/operations.md）に合う別のパスワードを設定して起動し直すか、" + "この変数を外して起動し、ブラウザの /setup で最初の管理者を登録してください。",
				cause);
	}

}
