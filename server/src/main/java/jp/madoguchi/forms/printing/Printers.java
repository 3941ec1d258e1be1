package jp.madoguchi.forms.printing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.forms.domain.PrinterRepository;
import jp.madoguchi.forms.domain.PrinterRepository.RegisteredPrinter;
import jp.madoguchi.platform.ProblemException;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The printers: those configured as
 * {@code madoguchi.printers.<name>.uri=ipp://host:port/path} (docs/design/http-api.md
 * "Forms and printing"), one or more per counter, and those administrators register on
 * the printer master page ({@code forms.printers}). A name belongs to one or the other;
 * configured ones are shown but edited in the configuration.
 */
@Component
public class Printers {

	private static final String URI_PATTERN = "(?i)ipps?://[^/\\s]+(/\\S*)?";

	private final Map<String, URI> printers;

	private final PrinterRepository registered;

	private final AuditTrail audit;

	/** A printer as the master page lists it. */
	public record Entry(String name, URI uri, String location, boolean configured) {
	}

	private final PrinterNetworks networks;

	Printers(Environment environment, PrinterRepository registered, AuditTrail audit, PrinterNetworks networks) {
		this.networks = networks;
		this.registered = registered;
		this.audit = audit;
		Map<String, Settings> bound = Binder.get(environment)
			.bind("madoguchi.printers", Bindable.mapOf(String.class, Settings.class))
			.orElse(Map.of());
		Map<String, URI> uris = new TreeMap<>();
		bound.forEach((name, settings) -> {
			if (settings.uri() == null || !settings.uri().matches(URI_PATTERN)) {
				throw new IllegalStateException(
						"madoguchi.printers." + name + ".uri must be ipp://host:port/path, was " + settings.uri());
			}
			uris.put(name, URI.create(settings.uri()));
		});
		this.printers = Map.copyOf(uris);
	}

	public Map<String, URI> all() {
		Map<String, URI> all = new TreeMap<>(printers);
		entries().forEach(entry -> all.putIfAbsent(entry.name(), entry.uri()));
		return all;
	}

	/** Configured printers first, then the registered ones, each by name. */
	public List<Entry> entries() {
		List<Entry> entries = new ArrayList<>();
		printers.forEach((name, uri) -> entries.add(new Entry(name, uri, "", true)));
		registered.all()
			.forEach(printer -> entries.add(new Entry(printer.name(), printer.uri(), printer.location(), false)));
		return entries;
	}

	public URI require(String name) {
		Map<String, URI> all = all();
		URI uri = all.get(name);
		if (uri == null) {
			throw ProblemException.invalid("UNKNOWN_PRINTER", name, String.join(", ", all.keySet()));
		}
		return uri;
	}

	/**
	 * Registers a printer.
	 * @throws ProblemException 422 {@code INVALID_PRINTER} for a blank or long name or an
	 * address that is not {@code ipp://} / {@code ipps://}, {@code PRINTER_NOT_ALLOWED}
	 * for an address outside the allowed networks; 409 {@code PRINTER_EXISTS}
	 */
	@Transactional
	public Entry add(String name, String uri, String location, String actor) {
		String trimmed = name.strip();
		String address = uri.strip();
		if (trimmed.isEmpty() || trimmed.length() > 50 || !trimmed.matches("[\\p{L}\\p{N}._-]+")) {
			throw ProblemException.invalid("INVALID_PRINTER").because("name");
		}
		if (!address.matches(URI_PATTERN)) {
			throw ProblemException.invalid("INVALID_PRINTER").because("uri");
		}
		// only printers on the allowed networks: refused here, with the address and the
		// networks named, rather than at the first print
		networks.check(trimmed, URI.create(address));
		if (all().containsKey(trimmed)) {
			throw ProblemException.conflict("PRINTER_EXISTS", trimmed);
		}
		registered.add(new RegisteredPrinter(trimmed, URI.create(address), location.strip()), actor);
		audit.record(AuditEntry.success("PRINTER_ADDED", "printer:" + trimmed, "uri=" + address));
		return new Entry(trimmed, URI.create(address), location.strip(), false);
	}

	/**
	 * Removes a registered printer; its print jobs stay as they are.
	 * @throws ProblemException 409 {@code PRINTER_CONFIGURED} for one from the
	 * configuration, 404 {@code PRINTER_NOT_FOUND}
	 */
	@Transactional
	public void remove(String name) {
		if (printers.containsKey(name)) {
			throw ProblemException.conflict("PRINTER_CONFIGURED", name);
		}
		if (!registered.remove(name)) {
			throw ProblemException.notFound("PRINTER_NOT_FOUND", name);
		}
		audit.record(AuditEntry.success("PRINTER_REMOVED", "printer:" + name));
	}

	/** One printer's settings. */
	record Settings(String uri) {

	}

}
