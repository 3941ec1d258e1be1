package jp.madoguchi;

import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Searches with personal data use POST, not query strings (issue 20, "TLS and cookies"):
 * no GET handler binds a name, date of birth or address, and a GET search given one
 * refuses it (API: 400 {@code PERSONAL_DATA_IN_URL}) or ignores it (pages), searching
 * nothing and auditing nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataInUrlTests {

	/** Parameter names that carry a person's data. */
	static final Set<String> PERSONAL = Set.of("name", "familyname", "givenname", "fullname", "kana", "birthdate",
			"dateofbirth", "born", "address", "mynumber", "sentaheadname");

	static final RequestPostProcessor CLERK = user("personal-data-url").authorities(() -> "RECEPTION",
			() -> "NOTIFICATION_EDIT");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Test
	void noGetHandlerTakesANameABirthDateOrAnAddress() {
		List<String> offending = new ArrayList<>();
		int getHandlers = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlers.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			HandlerMethod handler = entry.getValue();
			if (!(methods.isEmpty() || methods.contains(RequestMethod.GET))) {
				continue;
			}
			getHandlers++;
			for (MethodParameter parameter : handler.getMethodParameters()) {
				for (String name : queryNames(parameter)) {
					if (PERSONAL.contains(name.toLowerCase(Locale.ROOT))) {
						offending.add(entry.getKey() + " " + handler + " takes '" + name + "'");
					}
				}
			}
		}
		assertThat(getHandlers).as("GET handlers looked at").isGreaterThan(50);
		assertThat(offending).isEmpty();
	}

	@Test
	void theApisRefuseANameInTheUrlAndSearchNothing() throws Exception {
		long searchesBefore = searches();
		mvc.perform(get("/api/v1/notifications").param("name", "山田 太郎").with(CLERK))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("PERSONAL_DATA_IN_URL"))
			.andExpect(jsonPath("$.search").value("POST /api/v1/notifications/search"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("POST")));
		mvc.perform(get("/api/v1/notifications").param("birthDate", "1970-01-01").with(CLERK))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("PERSONAL_DATA_IN_URL"));
		mvc.perform(get("/api/v1/receptions").param("name", "山田 太郎").with(CLERK))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("PERSONAL_DATA_IN_URL"))
			.andExpect(jsonPath("$.search").value("POST /api/v1/receptions/search"));
		assertThat(searches()).as("nothing searched").isEqualTo(searchesBefore);
		// Without personal data the GET searches still answer.
		mvc.perform(get("/api/v1/notifications").param("status", "DRAFT").with(CLERK)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/receptions").param("date", "2026-11-26").with(CLERK)).andExpect(status().isOk());
	}

	@Test
	void thePagesSearchByPostAndIgnoreANameInTheUrl() throws Exception {
		long searchesBefore = searches();
		Document notifications = page("/notifications?name=山田");
		assertThat(notifications.select("form[role=search]").attr("method")).isEqualTo("post");
		assertThat(notifications.select("form[role=search]").attr("action")).isEqualTo("/notifications/search");
		assertThat(notifications.select("form[role=search]").attr("hx-post")).isEqualTo("/notifications/search");
		assertThat(notifications.select("form[role=search] input[name=_csrf]")).hasSize(1);
		assertThat(notifications.select("input[name=name]").attr("value")).isEmpty();
		assertThat(notifications.select("table")).isEmpty();
		assertThat(searches()).as("nothing searched").isEqualTo(searchesBefore);

		// The POST search is a form post like any other: without the CSRF token (a
		// foreign page posting a search) it is refused.
		mvc.perform(post("/notifications/search").param("name", "山田").with(CLERK)).andExpect(status().isForbidden());
		mvc.perform(post("/reception/inquiry").param("name", "山田").with(CLERK)).andExpect(status().isForbidden());
		assertThat(searches()).as("nothing searched").isEqualTo(searchesBefore);

		Document inquiry = page("/reception/inquiry?name=山田");
		assertThat(inquiry.select("form[role=search]").attr("method")).isEqualTo("post");
		assertThat(inquiry.select("form[role=search]").attr("hx-post")).isEqualTo("/reception/inquiry");
		assertThat(inquiry.select("form[role=search]").hasAttr("hx-push-url")).isFalse();
		assertThat(inquiry.select("input[name=name]").attr("value")).isEmpty();
	}

	private Document page(String url) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(CLERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private long searches() {
		return jdbc
			.sql("select count(*) from audit.events where action in ('NOTIFICATION_SEARCHED', 'RECEPTION_SEARCHED')")
			.query(Long.class)
			.single();
	}

	/**
	 * The query parameters a handler parameter binds: a {@code @RequestParam}, a simple
	 * value without annotation, or the components of a record bound from the query.
	 */
	private static List<String> queryNames(MethodParameter parameter) {
		if (parameter.hasParameterAnnotation(PathVariable.class)
				|| parameter.hasParameterAnnotation(RequestBody.class)) {
			return List.of();
		}
		RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
		if (requestParam != null) {
			String name = requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name();
			return (name != null) ? List.of(name) : List.of();
		}
		Class<?> type = parameter.getParameterType();
		if (isSimple(type)) {
			String name = parameter.getParameterName();
			return (name != null) ? List.of(name) : List.of();
		}
		if (type.isRecord() && (parameter.hasParameterAnnotation(ModelAttribute.class)
				|| type.getName().startsWith("jp.madoguchi."))) {
			List<String> names = new ArrayList<>();
			for (RecordComponent component : type.getRecordComponents()) {
				names.add(component.getName());
			}
			return names;
		}
		return List.of();
	}

	private static boolean isSimple(Class<?> type) {
		return type.isPrimitive() || type == String.class || Number.class.isAssignableFrom(type)
				|| Boolean.class == type || type.isEnum() || Temporal.class.isAssignableFrom(type);
	}

}
