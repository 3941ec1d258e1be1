package jp.madoguchi.guidance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jp.madoguchi.guidance.domain.SampleHouseholds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public role runs the guide on the shipped bundle, with no database at all. */
@SpringBootTest(properties = "madoguchi.role=public")
class PublicGuideTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Test
	void residentsGetTheGuideWithoutADatabase() throws Exception {
		assertThat(((ApplicationContext) context).getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String answer = mvc
			.perform(
					post("/public/api/v1/guidance/evaluate").contentType(MediaType.APPLICATION_JSON)
						.content(json
							.writeValueAsString(SampleHouseholds.singleMotherMovingWithin(LocalDate.of(2026, 11, 20)))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode guide = json.readTree(answer);
		assertThat(guide.get("procedures").valueStream().map((p) -> p.get("code").asString()).toList()).containsExactly(
				"MY_NUMBER_CARD_ADDRESS", "GARBAGE_GUIDE", "NHI_ADDRESS", "CHILD_ALLOWANCE_ADDRESS",
				"CHILD_MEDICAL_SUBSIDY", "SINGLE_PARENT_SUPPORT", "DOG_REGISTRATION");

		mvc.perform(post("/public/api/v1/guidance/evaluate").contentType(MediaType.APPLICATION_JSON)
			.content("{\"notificationId\":\"7b0c9f36-0000-4000-8000-000000000000\"}"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void aResidentReadsTheGuideInTheWizardsLanguageFromTheBundle() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String answer = mvc
			.perform(post("/public/api/v1/guidance/evaluate").param("lang", "vi")
				.contentType(MediaType.APPLICATION_JSON)
				.content(json
					.writeValueAsString(SampleHouseholds.foreignResidentFromAbroad(LocalDate.of(2026, 11, 20)))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode procedures = json.readTree(answer).get("procedures");
		assertThat(procedures.valueStream().map((p) -> p.get("resident").get("name").asString()).toList()).contains(
				"Ghi địa chỉ lên thẻ cư trú (在留カード)", "Tham gia Bảo hiểm Y tế Quốc dân", "Tham gia Lương hưu Quốc dân");
		assertThat(procedures.valueStream().map((p) -> p.get("resident").get("language").asString()).distinct())
			.containsExactly("vi");
	}

}
