package jp.madoguchi;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI description documents the public API, for administrators only. */
@SpringBootTest
class OpenApiTests {

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void describesTheApiToAdministrators() throws Exception {
		mvc.perform(get("/v3/api-docs").with(user("api-admin").authorities(() -> "USER_ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/notifications']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/admin/users']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/audit/verify']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/resident-record/households/card-match'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/resident-record/sent-ahead/expected-arrivals'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/masters/closed-days'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/masters/closed-days'].put").exists());
	}

	@Test
	void isRefusedToOtherStaff() throws Exception {
		mvc.perform(get("/v3/api-docs").with(user("api-clerk").authorities(() -> "RECEPTION")))
			.andExpect(status().isForbidden());
	}

}
