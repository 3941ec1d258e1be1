package jp.madoguchi.prefiling.codec;

import java.util.List;

/**
 * Some codes of a payload split over several QR codes were not scanned: staff must scan
 * the parts named here too.
 */
public class MissingPartsException extends InvalidPayloadException {

	private final int total;

	private final List<Integer> missing;

	public MissingPartsException(int total, List<Integer> missing) {
		super("Missing parts " + missing + " of " + total);
		this.total = total;
		this.missing = List.copyOf(missing);
	}

	/** How many codes the payload was split into. */
	public int total() {
		return total;
	}

	/** The numbers (1-based) of the codes not scanned. */
	public List<Integer> missing() {
		return missing;
	}

}
