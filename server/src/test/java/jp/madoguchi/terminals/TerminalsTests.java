package jp.madoguchi.terminals;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Terminals and pairing through the real security chain and database. */
@SpringBootTest
class TerminalsTests {

	static final RequestPostProcessor ADMIN = user("masters-admin").authorities(() -> "MASTER_ADMIN");

	@Autowired
	WebApplicationContext context;

	@Autowired
	Terminals terminals;

	@Autowired
	JsonMapper json;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void aBrowserPairedAsATerminalIsRecognisedUntilTheTokenIsRenewed() throws Exception {
		String name = "窓口端末-" + System.nanoTime();
		JsonNode issued = json.readTree(mvc
			.perform(post("/api/v1/admin/terminals").with(ADMIN)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\",\"location\":\"1階\",\"counter\":\"3番\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String id = issued.get("terminal").get("id").asString();
		String token = issued.get("pairingToken").asString();
		assertThat(issued.get("terminal").get("cardAgentUrl").asString()).isEqualTo("http://127.0.0.1:9443");
		assertThat(
				mvc.perform(get("/api/v1/admin/terminals").with(ADMIN)).andReturn().getResponse().getContentAsString())
			.contains(name)
			.doesNotContain(token);
		mvc.perform(post("/api/v1/admin/terminals").with(ADMIN)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"cardAgentUrl\":\"http://evil.example:9443\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_TERMINAL"));

		mvc.perform(post("/admin/terminals/" + id + "/pair").with(ADMIN).with(csrf()).param("token", "wrong"))
			.andExpect(flash().attribute("failure", "ペアリングトークンが正しくありません。"));
		MvcResult paired = mvc
			.perform(post("/admin/terminals/" + id + "/pair").with(ADMIN).with(csrf()).param("token", token))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String setCookie = paired.getResponse().getHeader("Set-Cookie");
		assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
		Cookie cookie = paired.getResponse().getCookie(Terminals.COOKIE);
		assertThat(cookie).isNotNull();

		Terminals.CurrentTerminal current = terminals.current(request(cookie)).orElseThrow();
		assertThat(current.name()).isEqualTo(name);
		assertThat(current.counter()).isEqualTo("3番");
		assertThat(current.pairingToken()).isEqualTo(token);
		mvc.perform(get("/admin/terminals").with(ADMIN).cookie(cookie))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(name + "」として登録されています")));

		mvc.perform(post("/api/v1/admin/terminals/" + id + "/token").with(ADMIN).with(csrf()))
			.andExpect(status().isOk());
		assertThat(terminals.current(request(cookie))).isEmpty();
		assertThat(terminals.current(request(new Cookie(Terminals.COOKIE, "garbage")))).isEmpty();
	}

	private static MockHttpServletRequest request(Cookie cookie) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(cookie);
		return request;
	}

}
