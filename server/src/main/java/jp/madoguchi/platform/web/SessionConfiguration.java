package jp.madoguchi.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Staff sessions are kept in PostgreSQL (Spring Session JDBC) so that any counter
 * instance can serve any request. The cookie is set here explicitly: HttpOnly,
 * SameSite=Lax, Secure over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	static final String COOKIE = "MADOGUCHI_SESSION";

	@Bean
	CookieSerializer sessionCookie() {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(COOKIE);
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setCookiePath("/");
		return serializer;
	}

}
