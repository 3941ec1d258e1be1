package jp.madoguchi.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How requests reach the server: directly (plain HTTP on a trusted network, or TLS with
 * the server's own certificate through {@code server.ssl.*}) or through a TLS proxy.
 *
 * @param trustedProxies the IP addresses of the reverse proxies whose
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers are believed (each
 * address written out, IPv4 or IPv6; no host names, no networks). Empty: forwarded
 * headers are ignored whoever sends them.
 */
@ConfigurationProperties("madoguchi.tls")
record Transport(@DefaultValue List<String> trustedProxies) {

}
