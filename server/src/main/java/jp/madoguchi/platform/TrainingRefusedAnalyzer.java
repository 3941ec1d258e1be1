package jp.madoguchi.platform;

import jp.madoguchi.platform.TrainingEnvironmentPostProcessor.TrainingRefused;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up failure report when training and production data would mix: the reason and
 * what to do, without the stack trace (registered in {@code META-INF/spring.factories}).
 */
class TrainingRefusedAnalyzer extends AbstractFailureAnalyzer<TrainingRefused> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TrainingRefused cause) {
		return new FailureAnalysis(cause.getMessage(),
				"研修は bin/start --training で、専用のデータディレクトリ（既定 ./data-training）で起動してください。研修モードの説明: docs/manual/研修モード.md",
				cause);
	}

}
