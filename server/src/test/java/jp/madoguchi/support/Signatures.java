package jp.madoguchi.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signatures through the API, as the tablet page sends them. */
public final class Signatures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Signatures() {
	}

	/** The names whose signature the visit's forms need, in order. */
	public static List<String> needed(MockMvc mvc, RequestPostProcessor clerk, String id) throws Exception {
		JsonNode needed = read(mvc, clerk, "/api/v1/notifications/" + id + "/signature/needed");
		List<String> names = new ArrayList<>();
		needed.forEach(n -> names.add(n.get("name").asString()));
		return names;
	}

	/** Each person the forms ask for signs. */
	public static void signAll(MockMvc mvc, RequestPostProcessor clerk, String id) throws Exception {
		for (String name : needed(mvc, clerk, id)) {
			sign(mvc, clerk, id, name);
		}
	}

	public static void sign(MockMvc mvc, RequestPostProcessor clerk, String id, String signer) throws Exception {
		String hash = read(mvc, clerk, "/api/v1/notifications/" + id + "/signature").get("contentHash").asString();
		mvc.perform(post("/api/v1/notifications/" + id + "/signature").with(clerk)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("contentHash", hash, "strokes",
					List.of(List.of(new double[] { 0.1, 0.5, 0.5 }, new double[] { 0.9, 0.4, 0.6 })), "signer",
					signer))))
			.andExpect(status().isCreated());
	}

	private static JsonNode read(MockMvc mvc, RequestPostProcessor clerk, String path) throws Exception {
		return JSON.readTree(mvc.perform(get(path).with(clerk))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

}
