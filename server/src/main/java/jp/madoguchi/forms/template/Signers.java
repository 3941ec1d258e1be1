package jp.madoguchi.forms.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.madoguchi.forms.template.Element.Repeat;
import jp.madoguchi.forms.template.Element.Signature;
import org.jspecify.annotations.Nullable;

/**
 * Who must sign a form filled with given data, as its signature elements declare: the
 * filer, the head of household, or each person a repeat prints (e.g. every applicant of
 * 15 or over on 印鑑登録申請書).
 */
public final class Signers {

	private Signers() {
	}

	/**
	 * The people who sign this form, each once, in the order of the form.
	 *
	 * @param role the signature element's name, e.g. 届出人署名
	 * @param name the signer's name as printed, or null when the notification has none
	 * (e.g. no filer given)
	 */
	public record Signer(String role, @Nullable String name) {

	}

	public static List<Signer> of(FormTemplate template, FormData data) {
		Set<Signer> signers = new LinkedHashSet<>();
		for (FormTemplate.FormPage page : template.pages()) {
			for (Element element : page.elements()) {
				if (element instanceof Signature signature) {
					signers.add(new Signer(signature.name(), nameFor(signature, data, data)));
				}
				else if (element instanceof Repeat repeat) {
					for (Element child : repeat.elements()) {
						if (child instanceof Signature signature) {
							signers.addAll(each(repeat, signature, data));
						}
					}
				}
			}
		}
		return List.copyOf(signers);
	}

	private static List<Signer> each(Repeat repeat, Signature signature, FormData data) {
		List<Signer> signers = new ArrayList<>();
		for (Object item : repeat.items(data)) {
			signers.add(new Signer(signature.name(), nameFor(signature, item, data)));
		}
		return signers;
	}

	/**
	 * Who signs in this box: the person of the row for {@code each}, the head of
	 * household for {@code head}, else the filer (the head when no filer is named).
	 * @param item what the box is printed with: the row's item inside a repeat, else the
	 * form's data
	 */
	public static @Nullable String nameFor(Signature signature, Object item, FormData data) {
		if (Signature.EACH.equals(signature.signedBy()) && item instanceof FormData.Person person) {
			return person.fullName();
		}
		return Signature.HEAD.equals(signature.signedBy()) ? data.headName() : filer(data);
	}

	private static @Nullable String filer(FormData data) {
		return (data.filer().name() != null && !data.filer().name().isBlank()) ? data.filer().name() : data.headName();
	}

}
