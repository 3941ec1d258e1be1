package jp.madoguchi.reception;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff board, slip, inquiry, detail, display and master screens, rendered for real.
 */
@SpringBootTest
class ReceptionPagesTests {

	static final RequestPostProcessor CLERK = user("clerk-pages").authorities(() -> "RECEPTION");

	static final RequestPostProcessor ADMIN = user("admin-pages").authorities(() -> "MASTER_ADMIN");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void aClerkIssuesATicketCallsItAndFindsItInTheInquiry() throws Exception {
		String queue = "p" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/reception/admin/queues").with(ADMIN)
			.with(csrf())
			.param("code", queue)
			.param("name", "証明発行")
			.param("counters", "7, 8")).andExpect(status().is3xxRedirection());

		MvcResult issued = mvc
			.perform(post("/reception/receptions").with(CLERK)
				.with(csrf())
				.param("queue", queue)
				.param("name", "齋藤 花子")
				.param("priority", "ELDERLY"))
			.andExpect(redirectedUrlPattern("/reception/receptions/*/slip"))
			.andReturn();
		String slip = issued.getResponse().getRedirectedUrl();
		String id = slip.split("/")[3];
		mvc.perform(get(slip).with(CLERK))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("受付票")))
			.andExpect(content().string(containsString("齋藤 花子")))
			.andExpect(content().string(containsString("証明発行")));
		mvc.perform(get("/reception/receptions/" + id + "/ticket").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("齋藤"))));

		mvc.perform(get("/reception").param("queue", queue).param("counter", "8").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("次の方を呼出")))
			.andExpect(content().string(containsString("お待ちの方 1人")));
		mvc.perform(get("/reception").param("queue", queue).header("HX-Request", "true").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("board-waiting")))
			.andExpect(content().string(not(containsString("<html"))));

		mvc.perform(post("/reception/call-next").with(CLERK).with(csrf()).param("queue", queue).param("counter", "8"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/reception/call-next").with(CLERK).with(csrf()).param("queue", queue).param("counter", "8"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("refused", "待っている方はいません。"));
		mvc.perform(get("/reception").param("queue", queue).param("counter", "8").with(CLERK))
			.andExpect(content().string(containsString("対応開始")));
		mvc.perform(post("/reception/receptions/" + id + "/status").with(CLERK)
			.with(csrf())
			.param("queue", queue)
			.param("counter", "8")
			.param("status", "IN_SERVICE")).andExpect(status().is3xxRedirection());

		// 受付情報照会: 斎藤 finds 齋藤; the detail shows the timeline and who touched it.
		mvc.perform(post("/reception/inquiry").param("name", "斎藤").param("queue", queue).with(CLERK).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("齋藤 花子")))
			.andExpect(content().string(containsString("対応中")));
		mvc.perform(get("/reception/receptions/" + id).with(CLERK))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("clerk-pages")))
			.andExpect(content().string(containsString("呼出中")))
			.andExpect(content().string(containsString("高齢")));
		assertThat(jdbc.sql("select count(*) from audit.events where action = 'RECEPTION_VIEWED' and subject = ?")
			.param("reception:" + id)
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void withoutACardAgentTheBoardHasNoCardButton() throws Exception {
		mvc.perform(get("/reception").param("queue", "moving").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"source\" value=\"SCRATCH\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-card-read"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("card-reader.js"))));
	}

	@Test
	void theDisplayPageIsBilingualAndLoadsItsScriptFromAFile() throws Exception {
		mvc.perform(get("/display/moving").with(CLERK))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("お呼び出し中の番号")))
			.andExpect(content().string(containsString("Now calling")))
			// The resident languages take turns below the Japanese, each marked with its
			// lang.
			.andExpect(content().string(containsString("lang=\"zh-CN\" data-rotate=\"1\">正在叫号</span>")))
			.andExpect(content().string(containsString("lang=\"ko\" data-rotate=\"2\">호출 중인 번호</span>")))
			.andExpect(content().string(containsString("lang=\"vi\" data-rotate=\"3\">Số đang được gọi</span>")))
			.andExpect(content().string(containsString("lang=\"pt-BR\" data-rotate=\"4\">Chamando agora</span>")))
			.andExpect(content().string(containsString("/js/display.js")))
			.andExpect(content().string(not(containsString("<script>"))))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
		mvc.perform(get("/display/moving")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/display/moving").param("token", "not-a-token")).andExpect(status().is3xxRedirection());
	}

	/**
	 * Issue 21: queue and counter names in the resident languages, entered through the
	 * admin API and the master page, shown on the call display (Vietnamese and Korean
	 * here), a missing one as the English name; the sample queues come translated.
	 */
	@Test
	void theDisplayShowsQueueAndCounterNamesInTheResidentLanguages() throws Exception {
		String queue = "n" + UUID.randomUUID().toString().substring(0, 8);
		String counterNames = "{\"code\":\"5\",\"name\":\"5番証明窓口\",\"nameEn\":\"Certificates 5\","
				+ "\"names\":{\"vi\":\"Quầy chứng nhận số 5\",\"ko\":\"5번 증명 창구\"}}";
		mvc.perform(post("/api/v1/admin/queues").with(ADMIN)
			.with(csrf())
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + queue + "\",\"name\":\"証明発行\",\"nameEn\":\"Certificates\","
					+ "\"names\":{\"vi\":\"Cấp giấy chứng nhận\",\"ko\":\"증명서 발급\",\"pt\":\" \"}," + "\"counters\":["
					+ counterNames + ",\"6\"]}"))
			.andExpect(status().isCreated())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.names.vi")
				.value("Cấp giấy chứng nhận"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.names.pt")
				.doesNotExist())
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.counters[1].names.ko")
						.value("6번 창구"));
		// A language the screens do not speak is refused.
		mvc.perform(post("/api/v1/admin/queues").with(ADMIN)
			.with(csrf())
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"code\":\"x" + queue + "\",\"name\":\"証明\",\"names\":{\"fr\":\"Certificats\"},"
					+ "\"counters\":[\"1\"]}"))
			.andExpect(status().isUnprocessableContent());

		mvc.perform(post("/reception/receptions").with(CLERK).with(csrf()).param("queue", queue).param("name", "呼出 太郎"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/reception/call-next").with(CLERK).with(csrf()).param("queue", queue).param("counter", "5"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/display/" + queue).with(CLERK))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"en\" data-rotate=\"0\">Certificates</span>")))
			// 中文 has no name: the English one stands in.
			.andExpect(content().string(containsString("lang=\"zh-CN\" data-rotate=\"1\">Certificates</span>")))
			.andExpect(content().string(containsString("lang=\"ko\" data-rotate=\"2\">증명서 발급</span>")))
			.andExpect(content().string(containsString("lang=\"vi\" data-rotate=\"3\">Cấp giấy chứng nhận</span>")))
			.andExpect(content().string(containsString("lang=\"pt-BR\" data-rotate=\"4\">Certificates</span>")))
			.andExpect(content().string(containsString("5番証明窓口")))
			.andExpect(content().string(containsString("lang=\"ko\" data-rotate=\"2\">5번 증명 창구</span>")))
			.andExpect(content().string(containsString("lang=\"vi\" data-rotate=\"3\">Quầy chứng nhận số 5</span>")))
			.andExpect(content().string(containsString("lang=\"zh-CN\" data-rotate=\"1\">Certificates 5</span>")));

		// The master page keeps the counters' names and takes the queue's translations.
		mvc.perform(post("/reception/admin/queues").with(ADMIN)
			.with(csrf())
			.param("code", queue)
			.param("name", "証明発行")
			.param("nameEn", "Certificates")
			.param("nameVi", "Cấp giấy tờ")
			.param("nameKo", "")
			.param("counters", "5, 6")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/display/" + queue).with(CLERK))
			.andExpect(content().string(containsString("lang=\"vi\" data-rotate=\"3\">Cấp giấy tờ</span>")))
			.andExpect(content().string(containsString("lang=\"ko\" data-rotate=\"2\">Certificates</span>")))
			.andExpect(content().string(containsString("lang=\"vi\" data-rotate=\"3\">Quầy chứng nhận số 5</span>")));
		mvc.perform(get("/reception/admin").with(ADMIN))
			.andExpect(content().string(containsString("name=\"nameVi\"")))
			.andExpect(content().string(containsString("<span lang=\"vi\">Cấp giấy tờ</span>")));

		// The sample queue and its counters are seeded with their translations.
		mvc.perform(get("/display/moving").with(CLERK))
			.andExpect(content().string(containsString("lang=\"vi\" data-rotate=\"3\">Khai báo chuyển nơi ở</span>")))
			.andExpect(content().string(containsString("lang=\"ko\" data-rotate=\"2\">주민 이동 신고</span>")));
		assertThat(jdbc.sql("select name_ko from reception.counters where queue_code = 'moving' and code = '1'")
			.query(String.class)
			.single()).isEqualTo("1번 창구");
	}

	@Test
	void unknownReceptionsAndQueuesShowTheNotFoundPage() throws Exception {
		mvc.perform(get("/reception/receptions/" + UUID.randomUUID()).with(CLERK)).andExpect(status().isNotFound());
		mvc.perform(get("/reception").param("queue", "no-such-queue").with(CLERK)).andExpect(status().isNotFound());
		mvc.perform(get("/display/no-such-queue").with(CLERK)).andExpect(status().isNotFound());
	}

	@Test
	void mastersNeedMasterAdmin() throws Exception {
		mvc.perform(get("/reception/admin").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("住民異動")))
			.andExpect(content().string(containsString("サンプル")));
		mvc.perform(get("/reception/admin").with(CLERK)).andExpect(status().isForbidden());
		mvc.perform(get("/reception").with(ADMIN)).andExpect(status().isForbidden());
		MvcResult issued = mvc
			.perform(post("/reception/admin/display-tokens").with(ADMIN)
				.with(csrf())
				.param("queue", "moving")
				.param("name", "ロビー"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String url = (String) issued.getFlashMap().get("issuedUrl");
		assertThat(url).as("the one-time code in the fragment, never sent to a server").startsWith("/display/pair#");
		String code = url.substring("/display/pair#".length());
		mvc.perform(get("/display/moving").param("token", code)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/display/pair"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/js/display-pair.js")));
		MvcResult paired = mvc.perform(post("/display/pair").with(csrf()).param("code", code))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/display/moving"))
			.andReturn();
		jakarta.servlet.http.Cookie cookie = paired.getResponse().getCookie("MADOGUCHI_DISPLAY");
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getPath()).isEqualTo("/display");
		assertThat(paired.getResponse().getHeader("Set-Cookie")).contains("SameSite=Strict");
		mvc.perform(get("/display/moving").cookie(cookie))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("住民異動")))
			.andExpect(content().string(not(containsString(cookie.getValue()))));
		// used once: the same code pairs nothing more
		mvc.perform(post("/display/pair").with(csrf()).param("code", code))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("すでに使われています")));
		// the paired secret in the URL opens nothing either
		mvc.perform(get("/display/moving").param("token", cookie.getValue())).andExpect(status().is3xxRedirection());
	}

}
