package jp.madoguchi.queuestatus.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses a message seen before: a nonce is remembered for twice the signature's allowed
 * clock skew (a signature older than that is refused anyway, so the window is closed),
 * and a message published before the newest one accepted is stale.
 */
final class ReplayGuard {

	private final Duration window;

	private final int capacity;

	private final Map<String, Instant> seen = new LinkedHashMap<>();

	ReplayGuard(Duration window, int capacity) {
		this.window = window;
		this.capacity = capacity;
	}

	/** Whether {@code nonce} is new; it is remembered from now on. */
	synchronized boolean firstTime(String nonce, Instant now) {
		for (Iterator<Instant> times = seen.values().iterator(); times.hasNext();) {
			if (times.next().isBefore(now.minus(window))) {
				times.remove();
			}
			else {
				break;
			}
		}
		if (nonce.isBlank() || seen.containsKey(nonce) || seen.size() >= capacity) {
			return false;
		}
		seen.put(nonce, now);
		return true;
	}

}
