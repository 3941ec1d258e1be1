package jp.madoguchi.forms.printing;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jp.madoguchi.platform.ProblemException;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The printers configured as {@code madoguchi.printers.<name>.uri=ipp://host:port/path}
 * (API.md), one or more per counter.
 */
@Component
public class Printers {

	private final Map<String, URI> printers;

	Printers(Environment environment) {
		Map<String, Settings> bound = Binder.get(environment)
			.bind("madoguchi.printers", Bindable.mapOf(String.class, Settings.class))
			.orElse(Map.of());
		Map<String, URI> uris = new TreeMap<>();
		bound.forEach((name, settings) -> {
			if (settings.uri() == null || !settings.uri().matches("(?i)ipps?://[^/]+(/.*)?")) {
				throw new IllegalStateException(
						"madoguchi.printers." + name + ".uri must be ipp://host:port/path, was " + settings.uri());
			}
			uris.put(name, URI.create(settings.uri()));
		});
		this.printers = Map.copyOf(uris);
	}

	public Map<String, URI> all() {
		return new TreeMap<>(printers);
	}

	public Optional<URI> uri(String name) {
		return Optional.ofNullable(printers.get(name));
	}

	public URI require(String name) {
		return uri(name).orElseThrow(() -> ProblemException.invalid("UNKNOWN_PRINTER",
				"プリンタ「" + name + "」は設定されていません（設定済み: " + String.join("、", new TreeMap<>(printers).keySet()) + "）。"));
	}

	/** One printer's settings. */
	record Settings(String uri) {

	}

}
