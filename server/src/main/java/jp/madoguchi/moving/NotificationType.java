package jp.madoguchi.moving;

import java.util.Set;

/**
 * The kinds of moving notification, with the variants each allows
 * (docs/design/http-api.md).
 */
public enum NotificationType {

	/** 転入 (住民基本台帳法 §22). */
	MOVE_IN(Set.of(Variant.DOMESTIC, Variant.SPECIAL, Variant.FROM_ABROAD)),
	/** 転出 (§24). */
	MOVE_OUT(Set.of(Variant.DOMESTIC, Variant.TO_ABROAD)),
	/** 転居 (§23). */
	MOVE_WITHIN(Set.of(Variant.NONE)),
	/** 世帯変更 (§25). */
	HOUSEHOLD_CHANGE(Set.of(Variant.HEAD_CHANGE, Variant.SEPARATION, Variant.MERGER, Variant.RESTRUCTURE));

	private final Set<Variant> variants;

	NotificationType(Set<Variant> variants) {
		this.variants = variants;
	}

	public boolean allows(Variant variant) {
		return variants.contains(variant);
	}

	/** 転入 and 転居 can only be filed once the move has happened. */
	public boolean requiresMoveDone() {
		return this == MOVE_IN || this == MOVE_WITHIN;
	}

	public enum Variant {

		DOMESTIC, SPECIAL, FROM_ABROAD, TO_ABROAD, NONE, HEAD_CHANGE, SEPARATION, MERGER, RESTRUCTURE

	}

}
