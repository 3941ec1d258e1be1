package jp.madoguchi.forms;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 異体字 picker's API with the real IPAmj明朝: what the font lists for 辻, its glyphs as
 * SVG, and the refusals of what the font lacks.
 */
@SpringBootTest
class CharacterApiTests {

	static final String TSUJI_E0102 = "辻\uDB40\uDD02";

	static final String TSUJI_E01EF = "辻\uDB40\uDDEF";

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void anyoneMayListTheVariationsOfACharacter() throws Exception {
		mvc.perform(get("/api/v1/characters/variations").param("base", "辻"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=86400, public"))
			.andExpect(jsonPath("$.base").value("辻"))
			.andExpect(jsonPath("$.codePoint").value("U+8FBB"))
			.andExpect(jsonPath("$.glyph").value("/api/v1/characters/glyphs/8FBB.svg"))
			.andExpect(jsonPath("$.variations", hasSize(2)))
			.andExpect(jsonPath("$.variations[0].sequence").value(TSUJI_E0102))
			.andExpect(jsonPath("$.variations[0].codePoints").value("U+8FBB U+E0102"))
			.andExpect(jsonPath("$.variations[0].glyph").value("/api/v1/characters/glyphs/8FBB-E0102.svg"));
	}

	@Test
	void staffGetTheSameListAndAPastedSequenceListsItsBase() throws Exception {
		mvc.perform(get("/api/v1/characters/variations").param("base", TSUJI_E0102)
			.with(user("clerk-characters").authorities(() -> "NOTIFICATION_EDIT")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.base").value("辻"))
			.andExpect(jsonPath("$.variations", hasSize(2)));
		mvc.perform(get("/api/v1/characters/variations").param("base", "あ"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.variations", hasSize(0)));
	}

	@Test
	void theApiIsReadOnly() throws Exception {
		mvc.perform(post("/api/v1/characters/variations").param("base", "辻")
			.with(user("clerk-characters").authorities(() -> "NOTIFICATION_EDIT"))
			.with(csrf())).andExpect(status().is4xxClientError());
		mvc.perform(post("/api/v1/characters/variations").param("base", "辻").with(csrf()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aSequenceTheFontLacksIsRefusedWithAStableCode() throws Exception {
		mvc.perform(get("/api/v1/characters/variations").param("base", TSUJI_E01EF))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("VARIATION_NOT_IN_FONT"))
			.andExpect(jsonPath("$.codePoints").value("U+8FBB U+E01EF"));
		mvc.perform(get("/api/v1/characters/glyphs/8FBB-E01EF.svg"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("VARIATION_NOT_IN_FONT"));
	}

	@Test
	void moreThanOneCharacterOrOneTheFontLacksIsRefused() throws Exception {
		mvc.perform(get("/api/v1/characters/variations").param("base", "辻本"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CHARACTER_NOT_ONE"));
		mvc.perform(get("/api/v1/characters/variations"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CHARACTER_NOT_ONE"));
		mvc.perform(get("/api/v1/characters/variations").param("base", "\uDB40\uDD02"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CHARACTER_NOT_ONE"));
		mvc.perform(get("/api/v1/characters/variations").param("base", "😀"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CHARACTER_NOT_IN_FONT"))
			.andExpect(jsonPath("$.codePoints").value("U+1F600"));
		mvc.perform(get("/api/v1/characters/glyphs/8FBB-E0102-E0102.svg"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CHARACTER_NOT_ONE"));
		mvc.perform(get("/api/v1/characters/glyphs/zz.svg"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CHARACTER_NOT_ONE"));
	}

	@Test
	void theTwoDotGlyphIsDrawnDifferentlyFromTheBase() throws Exception {
		String twoDots = svg("/api/v1/characters/glyphs/8FBB-E0102.svg");
		String base = svg("/api/v1/characters/glyphs/8FBB.svg");
		assertThat(twoDots).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").contains(" d=\"M");
		assertThat(base).contains(" d=\"M");
		assertThat(twoDots).isNotEqualTo(base);
		assertThat(svg("/api/v1/characters/glyphs/8FBB.svg")).as("the same glyph draws the same").isEqualTo(base);
	}

	private String svg(String url) throws Exception {
		MvcResult result = mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/svg+xml"))
			.andReturn();
		return result.getResponse().getContentAsString();
	}

}
