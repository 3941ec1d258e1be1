package jp.madoguchi.reception.display;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.reception.domain.Queue;
import org.jspecify.annotations.Nullable;

/**
 * What a display shows for one call, as the {@code called} event's data:
 * {@code {"ticketNumber","counter"}} as docs/design/http-api.md names them, plus the
 * counter's names in Japanese and English, its names in the languages the display shows
 * in turn ({@code counterNames}: {@code en}, {@code zh}, {@code ko}, {@code vi},
 * {@code pt}, each the translation, else English, else Japanese) and whether it is a
 * recall.
 */
public record DisplayCall(String queue, int ticketNumber, String counter, String counterName, String counterNameEn,
		Map<String, String> counterNames, boolean recall) {

	/** The languages below the Japanese on the display, as keys of counterNames. */
	public static final List<String> LANGUAGES = List.of("en", "zh", "ko", "vi", "pt");

	public DisplayCall {
		counterNames = Map.copyOf(counterNames);
	}

	/**
	 * The call of a ticket to a counter of the master (null: a counter it no longer has).
	 */
	public static DisplayCall of(String queue, int ticketNumber, String counter, Queue.@Nullable Counter master,
			boolean recall) {
		Map<String, String> names = new LinkedHashMap<>();
		for (String language : LANGUAGES) {
			names.put(language, (master != null) ? master.localName(language) : counter);
		}
		return new DisplayCall(queue, ticketNumber, counter, (master != null) ? master.name() : counter,
				(master != null) ? master.nameEn() : counter, names, recall);
	}

}
