package jp.madoguchi.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;

/**
 * Counts what the counter journey sends to the browser, the measure of 書かない: every click
 * and every key reaches the page through the driver this class decorates, so nothing the
 * test does escapes the count. Who acts is said by the test: staff (clicks, keys), the QR
 * reader (a keyboard wedge: one scan, however many characters it types) or the resident
 * (the PIN, the signature strokes and the tap on 署名する, reported apart). Public because
 * Selenium's decorator calls the listener methods reflectively.
 */
public final class CounterJourneyInputs implements WebDriverListener {

	/** Who produces the input that follows. */
	enum Actor {

		STAFF, QR_READER, RESIDENT

	}

	/** The figures of one step of the journey. */
	static final class Step {

		final String name;

		int clicks;

		int keys;

		int scans;

		int residentKeys;

		int residentTaps;

		int residentStrokes;

		Step(String name) {
			this.name = name;
		}

	}

	private final Map<String, Step> steps = new LinkedHashMap<>();

	private Step current;

	private Actor actor = Actor.STAFF;

	CounterJourneyInputs() {
		this.current = named("（開始前）");
	}

	/** The driver to give the test: every input through it is counted. */
	WebDriver decorate(WebDriver driver) {
		return new EventFiringDecorator<>(this).decorate(driver);
	}

	/** Starts counting a new step of the journey. */
	void step(String name) {
		this.current = named(name);
		this.actor = Actor.STAFF;
	}

	private Step named(String name) {
		return this.steps.computeIfAbsent(name, Step::new);
	}

	/** Runs the input as the given actor, then staff act again. */
	void as(Actor who, Runnable input) {
		this.actor = who;
		try {
			input.run();
		}
		finally {
			this.actor = Actor.STAFF;
		}
	}

	@Override
	public void beforeClick(WebElement element) {
		if (this.actor == Actor.RESIDENT) {
			this.current.residentTaps++;
		}
		else {
			this.current.clicks++;
		}
	}

	@Override
	public void beforeSendKeys(WebElement element, CharSequence... keysToSend) {
		int typed = 0;
		for (CharSequence keys : keysToSend) {
			// A character outside the BMP is one keystroke, not two UTF-16 units; a
			// Selenium Keys value (Enter, Tab) is one private-use character.
			typed += keys.toString().codePointCount(0, keys.length());
		}
		switch (this.actor) {
			case QR_READER -> this.current.scans++;
			case RESIDENT -> this.current.residentKeys += typed;
			default -> this.current.keys += typed;
		}
	}

	@Override
	public void beforePerform(WebDriver driver, Collection<Sequence> actions) {
		// Pointer actions (the pen on the signature pad): each press is a stroke or a
		// click.
		int presses = 0;
		for (Sequence sequence : actions) {
			Object encoded = sequence.encode().get("actions");
			if (encoded instanceof List<?> list) {
				for (Object action : list) {
					if (action instanceof Map<?, ?> map && "pointerDown".equals(map.get("type"))) {
						presses++;
					}
				}
			}
		}
		if (this.actor == Actor.RESIDENT) {
			this.current.residentStrokes += presses;
		}
		else {
			this.current.clicks += presses;
		}
	}

	@Override
	public void beforeBack(WebDriver.Navigation navigation) {
		// The browser's back button.
		this.current.clicks++;
	}

	/** The figures of the named step (zero when nothing happened in it). */
	Step figures(String name) {
		return this.steps.getOrDefault(name, new Step(name));
	}

	List<Step> steps() {
		return new ArrayList<>(this.steps.values()).stream()
			.filter(s -> s.clicks + s.keys + s.scans + s.residentKeys + s.residentTaps + s.residentStrokes > 0)
			.toList();
	}

	int staffClicks() {
		return steps().stream().mapToInt(s -> s.clicks).sum();
	}

	int staffKeys() {
		return steps().stream().mapToInt(s -> s.keys).sum();
	}

	int scans() {
		return steps().stream().mapToInt(s -> s.scans).sum();
	}

	int residentKeys() {
		return steps().stream().mapToInt(s -> s.residentKeys).sum();
	}

	int residentTaps() {
		return steps().stream().mapToInt(s -> s.residentTaps).sum();
	}

	int residentStrokes() {
		return steps().stream().mapToInt(s -> s.residentStrokes).sum();
	}

	/**
	 * The figures as a Markdown table, one row per step and a total, then the total per
	 * family without the step done once a shift (signing in), if given.
	 */
	String markdown(String title, String onceAShift) {
		StringBuilder out = new StringBuilder();
		out.append("# ").append(title).append("\n\n");
		out.append("Measured ").append(LocalDate.now()).append(" by CounterJourneyBrowserTests.\n\n");
		out.append("| Step | Staff clicks | Staff keys | QR scans | Resident keys (PIN) | Resident taps | "
				+ "Resident pen strokes |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|\n");
		for (Step s : steps()) {
			out.append("| ")
				.append(s.name)
				.append(" | ")
				.append(s.clicks)
				.append(" | ")
				.append(s.keys)
				.append(" | ")
				.append(s.scans)
				.append(" | ")
				.append(s.residentKeys)
				.append(" | ")
				.append(s.residentTaps)
				.append(" | ")
				.append(s.residentStrokes)
				.append(" |\n");
		}
		out.append("| **Total** | **")
			.append(staffClicks())
			.append("** | **")
			.append(staffKeys())
			.append("** | **")
			.append(scans())
			.append("** | **")
			.append(residentKeys())
			.append("** | **")
			.append(residentTaps())
			.append("** | **")
			.append(residentStrokes())
			.append("** |\n");
		if (onceAShift != null) {
			Step once = figures(onceAShift);
			out.append("\nPer family, without ")
				.append(onceAShift)
				.append(": ")
				.append(staffClicks() - once.clicks)
				.append(" staff clicks, ")
				.append(staffKeys() - once.keys)
				.append(" staff keys, ")
				.append(scans() - once.scans)
				.append(" QR scan(s); the resident types the 4-digit PIN and signs.\n");
		}
		return out.toString();
	}

	void write(Path file, String title, String onceAShift) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, markdown(title, onceAShift), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
