package jp.madoguchi.reception.display;

/**
 * What a display shows for one call, as the {@code called} event's data:
 * {@code {"ticketNumber","counter"}} as docs/design/http-api.md names them, plus the
 * counter's names in Japanese and English and whether it is a recall.
 */
public record DisplayCall(String queue, int ticketNumber, String counter, String counterName, String counterNameEn,
		boolean recall) {
}
