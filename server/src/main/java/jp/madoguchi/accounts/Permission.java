package jp.madoguchi.accounts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import jp.madoguchi.platform.ProblemException;

/**
 * The fixed catalogue of permissions. Groups hold them, users get them through their
 * groups; the city decides which group holds which (spec 12(3)). Names are part of the
 * public API: they appear in {@code /api/v1/me} and in {@code hasAuthority(...)} checks.
 */
public enum Permission {

	/** 窓口受付: create receptions, call tickets. */
	RECEPTION,
	/** 異動届の作成・修正. */
	NOTIFICATION_EDIT,
	/** 異動届の受理. */
	NOTIFICATION_ACCEPT,
	/** 個人番号の表示. */
	MY_NUMBER_VIEW,
	/** 申請書の印刷. */
	PRINT,
	/** 統計の閲覧. */
	STATISTICS_VIEW,
	/** 監査ログの閲覧. */
	AUDIT_VIEW,
	/** 職員・グループ・APIトークンの管理. */
	USER_ADMIN,
	/** マスタの管理. */
	MASTER_ADMIN,
	/** 監視（メトリクスの取得）. */
	MONITORING;

	/**
	 * The known permissions among stored names; a name dropped from the catalogue grants
	 * nothing.
	 */
	public static Set<Permission> known(Iterable<String> names) {
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		for (String name : names) {
			Arrays.stream(values()).filter(p -> p.name().equals(name)).forEach(permissions::add);
		}
		return permissions;
	}

	/**
	 * Permissions named by a caller; an unknown name is refused with 422
	 * {@code UNKNOWN_PERMISSION}.
	 */
	public static Set<Permission> parseAll(Iterable<String> names) {
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		for (String name : names) {
			Permission permission = Arrays.stream(values())
				.filter(p -> p.name().equals(name))
				.findFirst()
				.orElseThrow(() -> ProblemException.invalid("UNKNOWN_PERMISSION", name));
			permissions.add(permission);
		}
		return permissions;
	}

	/** The message key of the permission's name shown to people. */
	public String messageKey() {
		return "permission." + name();
	}

}
