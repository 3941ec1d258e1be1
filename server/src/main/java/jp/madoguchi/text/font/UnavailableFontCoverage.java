package jp.madoguchi.text.font;

import java.nio.file.Path;
import java.util.List;

import jp.madoguchi.text.FontCoverage;
import jp.madoguchi.text.UnprintableCharacter;

/**
 * Stands in when the font file cannot be read, so that the application still starts:
 * every non-blank text is reported once, as unchecked, rather than passed as printable.
 */
public final class UnavailableFontCoverage implements FontCoverage {

	private final String reason;

	public UnavailableFontCoverage(Path path) {
		this.reason = "印字フォント（" + path + "）を読み込めないため、印字できるか確認できません";
	}

	@Override
	public List<UnprintableCharacter> unprintable(String text) {
		if (text.isBlank()) {
			return List.of();
		}
		return List.of(new UnprintableCharacter(0, text, reason));
	}

	@Override
	public boolean available() {
		return false;
	}

}
