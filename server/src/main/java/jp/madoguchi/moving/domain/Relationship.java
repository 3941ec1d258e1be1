package jp.madoguchi.moving.domain;

/** One 続柄 of the master, as seen from the head of household. */
public record Relationship(String code, String name, int sortOrder) {
}
