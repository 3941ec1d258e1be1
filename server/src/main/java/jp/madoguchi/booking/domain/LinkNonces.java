package jp.madoguchi.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nonces of the booking link seen within twice the signature's allowed skew (an older
 * signature is refused anyway): a message whose nonce was seen is a replay.
 */
public final class LinkNonces {

	private final Duration window;

	private final int capacity;

	private final Map<String, Instant> seen = new LinkedHashMap<>();

	public LinkNonces(Duration window, int capacity) {
		this.window = window;
		this.capacity = capacity;
	}

	/** Whether {@code nonce} is new (then it is remembered); blank or full: refused. */
	public synchronized boolean firstTime(String nonce, Instant now) {
		for (Iterator<Instant> times = seen.values().iterator(); times.hasNext();) {
			if (times.next().isBefore(now.minus(window))) {
				times.remove();
			}
			else {
				break;
			}
		}
		if (nonce.isBlank() || nonce.length() > 64 || seen.containsKey(nonce) || seen.size() >= capacity) {
			return false;
		}
		seen.put(nonce, now);
		return true;
	}

}
