package jp.madoguchi.text;

import java.util.List;

import org.springframework.stereotype.Component;

/** Placeholder until the text module lands: delete on merge. */
@Component
class PlaceholderFontCoverage implements FontCoverage {

	@Override
	public List<UnprintableCharacter> unprintable(String text) {
		return List.of();
	}

}
