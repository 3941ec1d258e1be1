package jp.madoguchi.moving.web;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the counter page finds the terminal's card agent (card-agent/,
 * docs/card-agent.md). One URL and token for every terminal until terminals are paired
 * one by one (issue 10): then the token comes from the terminal's registration instead of
 * this setting.
 *
 * @param url the agent's base URL, e.g. http://127.0.0.1:9443; unset: no card reading
 * @param token the pairing token the agent was started with
 */
@ConfigurationProperties("madoguchi.card-agent")
record CardAgentProperties(@Nullable String url, @Nullable String token) {

	boolean configured() {
		return url != null && !url.isBlank() && token != null && !token.isBlank();
	}

	String baseUrl() {
		return (url != null) ? url.replaceAll("/+$", "") : "";
	}

}
