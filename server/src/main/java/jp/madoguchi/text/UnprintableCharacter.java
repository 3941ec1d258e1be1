package jp.madoguchi.text;

/** Placeholder until the text module lands. */
public record UnprintableCharacter(int index, String sequence, String reason) {

}
