package jp.madoguchi.card;

/**
 * PIN checks done before a PIN reaches a card: a malformed PIN must not cost one of the
 * three tries.
 */
public final class Pins {

	private Pins() {
	}

	public static boolean isFourDigits(String pin) {
		return pin != null && pin.length() == 4 && pin.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	static void requireFourDigits(String pin) {
		if (!isFourDigits(pin)) {
			throw new IllegalArgumentException("A PIN is four ASCII digits");
		}
	}

}
