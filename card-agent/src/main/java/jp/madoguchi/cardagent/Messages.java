package jp.madoguchi.cardagent;

import jp.madoguchi.card.CardReadException;

/**
 * What the counter page shows staff: what happened and what to do next, in Japanese. Kept
 * in code rather than a bundle: the agent is a small stand-alone program on the terminal.
 */
final class Messages {

	static final String FORBIDDEN_ORIGIN = "このページからはカード読取機能を利用できません。窓口システムの画面から操作してください。";

	static final String UNAUTHORIZED = "この端末のカード読取機能と窓口システムの連携が設定されていません。システム管理者に端末の設定を確認してもらってください。";

	static final String NOT_FOUND = "指定された機能はありません。";

	static final String METHOD_NOT_ALLOWED = "この操作はできません。";

	static final String PIN_FORMAT = "暗証番号は数字4桁で入力してください。カードへは送っていないため、残り回数は減っていません。";

	static final String AGENT_ERROR = "カード読取機能で予期しないエラーが発生しました。もう一度お試しください。続く場合はシステム管理者に連絡してください。";

	private Messages() {
	}

	static String of(CardReadException ex) {
		return switch (ex.error()) {
			case NO_READER -> "カードリーダーが見つかりません。カードリーダーが端末に接続されているか確認し、接続し直してからもう一度読み取ってください。";
			case NO_CARD -> "カードが置かれていません。カードをカードリーダーに置いてから、もう一度読み取ってください。";
			case UNSUPPORTED_CARD -> "このカードからは読み取れません。選んだ種類のカード(マイナンバーカードまたは運転免許証)がカードリーダーに置かれているか確認してください。";
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
