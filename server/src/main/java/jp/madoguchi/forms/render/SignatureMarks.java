package jp.madoguchi.forms.render;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The signatures a form's boxes show: each signer's own, and a signature of the
 * notification as a whole for boxes whose signer has not signed in person.
 *
 * @param bySigner the latest signature of each person, by name as printed on the forms
 * @param shared the latest signature made for the notification as a whole, if any
 */
public record SignatureMarks(Map<String, SignatureMark> bySigner, @Nullable SignatureMark shared) {

	/** No signature at all: boxes stay empty. */
	public static final SignatureMarks NONE = new SignatureMarks(Map.of(), null);

	public SignatureMarks {
		bySigner = Map.copyOf(bySigner);
	}

	/** One signature for every box (the single pad). */
	public static SignatureMarks shared(@Nullable SignatureMark mark) {
		return new SignatureMarks(Map.of(), mark);
	}

	/** What the box of this signer shows. */
	public @Nullable SignatureMark of(@Nullable String signer) {
		SignatureMark own = (signer != null) ? bySigner.get(signer) : null;
		return (own != null) ? own : shared;
	}

}
