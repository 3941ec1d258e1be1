package jp.madoguchi.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by all modules.
 *
 * @param dataDir where the process keeps its files: the embedded database, keys, spools
 * @param role which side of the network this process serves
 */
@ConfigurationProperties("madoguchi")
public record MadoguchiProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("all") String role) {

	public Role parsedRole() {
		return Role.parse(role);
	}

}
