package jp.madoguchi.support;

import jakarta.servlet.http.Cookie;
import jp.madoguchi.terminals.Terminals;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Registers a counter terminal and pairs a browser with it the way an administrator does
 * (docs/terminals.md), through the real API and page.
 */
public final class PairedTerminals {

	private static final RequestPostProcessor ADMIN = user("terminal-admin").authorities(() -> "MASTER_ADMIN");

	/** The pairing cookie and the token the terminal's card agent was given. */
	public record Paired(Cookie cookie, String token) {
	}

	private PairedTerminals() {
	}

	public static Paired pair(MockMvc mvc, JsonMapper json, String cardAgentUrl) throws Exception {
		JsonNode issued = json.readTree(mvc
			.perform(post("/api/v1/admin/terminals").with(ADMIN)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(
						java.util.Map.of("name", "端末-" + System.nanoTime(), "cardAgentUrl", cardAgentUrl))))
			.andReturn()
			.getResponse()
			.getContentAsString());
		String id = issued.get("terminal").get("id").asString();
		String token = issued.get("pairingToken").asString();
		Cookie cookie = mvc
			.perform(post("/admin/terminals/" + id + "/pair").with(ADMIN).with(csrf()).param("token", token))
			.andReturn()
			.getResponse()
			.getCookie(Terminals.COOKIE);
		if (cookie == null) {
			throw new IllegalStateException("pairing set no cookie");
		}
		return new Paired(cookie, token);
	}

}
