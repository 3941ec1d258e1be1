package jp.madoguchi.cardagent;

import jp.madoguchi.card.CardReadException;

/**
 * What the counter page shows staff: what happened and what to do next, in Japanese. Kept
 * in code rather than a bundle: the agent is a small stand-alone program on the terminal.
 */
final class Messages {

	static final String FORBIDDEN_HOST = "カード読取機能は、この端末自身の宛先（127.0.0.1 または localhost）でのみ利用できます。";

	static final String FORBIDDEN_ORIGIN = "このページからはカード読取機能を利用できません。窓口システムの画面から操作してください。";

	static final String UNAUTHORIZED = "この端末のカード読取機能と窓口システムの連携が設定されていません。システム管理者に端末の設定を確認してもらってください。";

	static final String NOT_FOUND = "指定された機能はありません。";

	static final String METHOD_NOT_ALLOWED = "この操作はできません。";

	static final String PIN_FORMAT = "暗証番号は数字4桁で入力してください。カードへは送っていないため、残り回数は減っていません。";

	static final String CARD_NUMBER_FORMAT = "在留カード等の番号は、券面右上の英字2文字・数字8桁・英字2文字の12文字で入力してください。カードへは送っていません。";

	static final String AGENT_ERROR = "カード読取機能で予期しないエラーが発生しました。もう一度お試しください。続く場合はシステム管理者に連絡してください。";

	private Messages() {
	}

	static String of(CardReadException ex) {
		return switch (ex.error()) {
			case NO_READER -> "カードリーダーが見つかりません。カードリーダーが端末に接続されているか確認し、接続し直してからもう一度読み取ってください。";
			case NO_CARD -> "カードが置かれていません。カードをカードリーダーに置いてから、もう一度読み取ってください。";
			case UNSUPPORTED_CARD ->
				"このカードからは読み取れません。選んだ種類のカード(マイナンバーカード、運転免許証、在留カードまたは特別永住者証明書)がカードリーダーに置かれているか確認してください。";
			case WRONG_CARD_NUMBER ->
				"在留カード等の番号がカードと一致しないため、カードが読取りを拒否しました（データは読み取っていません。回数の制限はありません）。券面右上の番号を確認して、もう一度入力してください。";
			case CARD_EXPIRED -> "この在留カード等は有効期間が過ぎています（在留期間更新等の申請中の記載もありません）。有効なカードの提示を求め、地方出入国在留管理局への確認を案内してください。";
			case SIGNATURE_INVALID -> "カードの電子署名を確認できませんでした。カードの内容が改ざんされているおそれがあります。券面と本人を確認し、データは使わないでください。";
			case PIN_INCORRECT ->
				"暗証番号が違います。あと" + ex.remainingTries().orElse(0) + "回間違えるとロックされます。住民の方に確認のうえ、もう一度入力していただいてください。";
			case PIN_LOCKED ->
				"暗証番号がロックされているため、カードから読み取れません。券面を目視で確認して入力してください。ロックの解除は、マイナンバーカードは住所地の市区町村窓口、運転免許証は警察署または運転免許センターで行えます。";
			case CARD_REMOVED -> "読み取り中にカードが離れました。カードをカードリーダーに置き直して、もう一度読み取ってください。";
			case CARD_ERROR -> "カードを正しく読み取れませんでした。カードを置き直してもう一度読み取ってください。続く場合は券面を目視で確認して入力してください。";
		};
	}

	static String title(int status) {
		return switch (status) {
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 409 -> "Conflict";
			case 422 -> "Unprocessable Content";
			case 423 -> "Locked";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			default -> "Internal Server Error";
		};
	}

}
