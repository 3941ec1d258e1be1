package jp.madoguchi.forms.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.madoguchi.forms.domain.CharacterVariations;
import jp.madoguchi.platform.ProblemException;
import jp.madoguchi.text.ExactText;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * docs/design/http-api.md "Characters": the 異体字 picker's API. It serves what the print
 * font holds and nothing personal, so it is open (the resident's wizard uses it too when
 * the server holds the font), read-only and cacheable: the answers change only with the
 * font file.
 */
@RestController
@RequestMapping("/api/v1/characters")
class CharacterApiController {

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

	static final String GLYPHS = "/api/v1/characters/glyphs/";

	private final CharacterVariations variations;

	CharacterApiController(CharacterVariations variations) {
		this.variations = variations;
	}

	@GetMapping("/variations")
	@PreAuthorize("permitAll()")
	ResponseEntity<VariationsResponse> variations(@RequestParam(defaultValue = "") String base) {
		CharacterVariations.Listing listing = variations.variationsOf(base.strip());
		List<VariationResponse> found = listing.variations()
			.stream()
			.map((v) -> new VariationResponse(v.sequence(), v.codePoints(), glyphUrl(v.sequence())))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(CACHE)
			.body(new VariationsResponse(listing.base(), listing.codePoint(), glyphUrl(listing.base()), found));
	}

	@GetMapping(value = "/glyphs/{codePoints}.svg", produces = "image/svg+xml")
	@PreAuthorize("permitAll()")
	ResponseEntity<String> glyph(@PathVariable String codePoints) {
		return ResponseEntity.ok()
			.cacheControl(CACHE)
			.contentType(MediaType.valueOf("image/svg+xml"))
			.body(variations.glyph(parse(codePoints)));
	}

	/** {@code 8FBB} or {@code 8FBB-E0102}: hexadecimal code points joined by a hyphen. */
	private static int[] parse(String codePoints) {
		String[] parts = codePoints.split("-", -1);
		int[] parsed = new int[parts.length];
		for (int i = 0; i < parts.length; i++) {
			if (parts.length > 2 || !parts[i].matches("[0-9A-Fa-f]{4,6}")
					|| Integer.parseInt(parts[i], 16) > Character.MAX_CODE_POINT) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "CHARACTER_NOT_ONE",
						Map.of("text", codePoints), codePoints);
			}
			parsed[i] = Integer.parseInt(parts[i], 16);
		}
		return parsed;
	}

	/**
	 * The glyph of one character (a base and its selector, if any) as the font draws it.
	 */
	static String glyphUrl(String character) {
		return GLYPHS + ExactText.glyphKey(character).orElseThrow() + ".svg";
	}

	/**
	 * @param base the base character
	 * @param codePoint e.g. {@code U+8FBB}
	 * @param glyph the base character's own glyph
	 * @param variations the sequences the font lists, in selector order
	 */
	record VariationsResponse(String base, String codePoint, String glyph, List<VariationResponse> variations) {

	}

	/**
	 * @param sequence base + selector, to put into a name
	 * @param codePoints e.g. {@code U+8FBB U+E0102}
	 * @param glyph URL of the glyph drawn as SVG
	 */
	record VariationResponse(String sequence, String codePoints, String glyph) {

	}

}
