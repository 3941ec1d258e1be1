package jp.madoguchi.terminals.web;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The card agent (card-agent/, docs/card-agent.md) for counter browsers that are not
 * paired as a terminal: one URL and token for all of them. A paired browser uses its
 * terminal's URL and token instead (docs/terminals.md).
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

	@Override
	public String toString() {
		return "CardAgentProperties[" + url + "]";
	}

}
