package jp.madoguchi.prefiling.web;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jp.madoguchi.moving.Finding;
import jp.madoguchi.moving.NotificationChecks;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.platform.Role;
import jp.madoguchi.platform.ServedBy;
import jp.madoguchi.prefiling.domain.PrefilingCodes;
import jp.madoguchi.prefiling.domain.PrefilingCodes.Code;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public side of docs/design/http-api.md "Pre-application QR": a notification body
 * in, the payload for the QR code out. Nothing is stored.
 */
@RestController
@RequestMapping("/public/api/v1/prefilings")
@ServedBy(Role.PUBLIC)
// The public site for residents: no sign-in, and nothing personal is stored or shown.
@PreAuthorize("permitAll()")
class PublicPrefilingApiController {

	private final PrefilingCodes codes;

	private final NotificationChecks checks;

	PublicPrefilingApiController(PrefilingCodes codes, NotificationChecks checks) {
		this.codes = codes;
		this.checks = checks;
	}

	/**
	 * The counter's checks of what the resident entered, without saving it: the wizard
	 * shows them before it makes the codes.
	 */
	@PostMapping("/check")
	Checked check(@Valid @RequestBody NotificationContent content, Locale locale,
			@RequestParam(required = false) @Nullable String lang) {
		// APIs answer in the language of Accept-Language; the wizard asks for its page's
		// language by name: やさしい日本語 falls back to Japanese where untranslated, the
		// other resident languages have every finding (i18n/moving-findings_<lang>).
		return new Checked(checks.check(content, shown(lang, locale)));
	}

	/**
	 * The language of {@code ?lang=}: ja, easy, en, zh, ko, vi or pt; else the locale.
	 */
	static Locale shown(@Nullable String lang, Locale locale) {
		if (lang == null) {
			return locale;
		}
		return switch (lang) {
			case "easy" -> new Locale("ja", "", "easy");
			case "ja" -> Locale.JAPANESE;
			case "en" -> Locale.ENGLISH;
			case "zh" -> Locale.SIMPLIFIED_CHINESE;
			case "ko" -> Locale.KOREAN;
			case "vi" -> Locale.forLanguageTag("vi");
			case "pt" -> Locale.forLanguageTag("pt-BR");
			default -> locale;
		};
	}

	@PostMapping
	Prefiling create(@Valid @RequestBody NotificationContent content) {
		List<Code> parts = codes.of(content);
		return new Prefiling(codes.payload(parts), parts.get(0).qrPng(), parts);
	}

	/**
	 * {@code payload}: the text the counter accepts (the parts, one per line, when the
	 * notification needs several codes); {@code qrPng}: the first code as a
	 * {@code data:image/png;base64,…} URL; {@code parts}: every code, one when it fits.
	 */
	record Prefiling(String payload, String qrPng, List<Code> parts) {
	}

	record Checked(List<Finding> findings) {
	}

}
