package jp.madoguchi.forms.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One signature a visit needs: whose, in which role on which forms. A person who is both
 * the filer and an applicant signs once for all the forms.
 *
 * @param name the signer's name as on the forms, null when the notification names nobody
 * @param roles the signature boxes this signature fills, e.g. 届出人署名, 申請者署名
 * @param forms the titles of the forms it covers, in print order
 * @param signed whether this person has signed the current content themselves
 */
public record SignatureNeeded(@Nullable String name, List<String> roles, List<String> forms, boolean signed) {

	public SignatureNeeded {
		roles = List.copyOf(roles);
		forms = List.copyOf(forms);
	}

}
