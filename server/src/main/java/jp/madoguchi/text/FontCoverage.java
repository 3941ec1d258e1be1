package jp.madoguchi.text;

import java.util.List;

/** Placeholder until the text module lands. */
public interface FontCoverage {

	List<UnprintableCharacter> unprintable(String text);

}
