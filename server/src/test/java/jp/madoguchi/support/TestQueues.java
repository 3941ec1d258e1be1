package jp.madoguchi.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Creates a queue of its own per test through the admin API, so tests sharing the
 * database never see each other's tickets.
 */
public final class TestQueues {

	private TestQueues() {
	}

	/** A new queue with counters "1" … "n" and the default service time. */
	public static String create(MockMvc mvc, int counters) throws Exception {
		return create(mvc, counters, null);
	}

	/**
	 * A new queue with counters "1" … "n"; {@code defaultServiceMinutes} is the
	 * estimate's assumption until enough services are measured (null: the system
	 * default).
	 */
	public static String create(MockMvc mvc, int counters, @Nullable Integer defaultServiceMinutes) throws Exception {
		String code = "t" + UUID.randomUUID().toString().substring(0, 8);
		List<String> codes = new ArrayList<>();
		for (int i = 1; i <= counters; i++) {
			codes.add("\"" + i + "\"");
		}
		String minutes = (defaultServiceMinutes != null) ? ",\"defaultServiceMinutes\":" + defaultServiceMinutes : "";
		mvc.perform(post("/api/v1/admin/queues").with(user("admin-test-queues").authorities(() -> "MASTER_ADMIN"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\",\"name\":\"テスト\",\"counters\":" + codes + minutes + "}"))
			.andExpect(status().isCreated());
		return code;
	}

}
