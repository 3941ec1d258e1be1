package jp.madoguchi.support;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A MockMvc request from a given client address, for limits counted per address (sign-in
 * throttling, the public site's rate limit, the local-only setup page).
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
