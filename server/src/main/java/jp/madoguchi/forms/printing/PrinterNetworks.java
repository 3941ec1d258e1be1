package jp.madoguchi.forms.printing;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.madoguchi.platform.ProblemException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The networks printers may be on ({@code madoguchi.printing.allowed-networks}, CIDRs; by
 * default loopback and the private ranges). A printer address outside them is refused
 * when it is saved, and every job and status query checks it again before the server
 * connects, so the server never becomes a way to reach other hosts (issue 20: printers
 * only on allowed networks).
 */
@Component
public class PrinterNetworks {

	/** Loopback and the private ranges (RFC 1918, RFC 4193). */
	static final String DEFAULT = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";

	private final List<Cidr> allowed;

	private final String listed;

	PrinterNetworks(@Value("${madoguchi.printing.allowed-networks:" + DEFAULT + "}") List<String> networks) {
		List<Cidr> parsed = new ArrayList<>();
		for (String network : networks) {
			if (!network.isBlank()) {
				parsed.add(Cidr.parse(network.strip()));
			}
		}
		this.allowed = List.copyOf(parsed);
		this.listed = String.join(", ", networks.stream().map(String::strip).filter(n -> !n.isEmpty()).toList());
	}

	/**
	 * Checks every address the printer's host name resolves to.
	 * @throws ProblemException 422 {@code PRINTER_NOT_ALLOWED} naming the printer, the
	 * address and the allowed networks (reason {@code unresolved} when the name does not
	 * resolve)
	 */
	public void check(String printer, URI uri) {
		String host = uri.getHost();
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName((host != null) ? host : "");
		}
		catch (UnknownHostException ex) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "PRINTER_NOT_ALLOWED",
					Map.of("printer", printer), printer, String.valueOf(host), listed)
				.because("unresolved");
		}
		for (InetAddress address : addresses) {
			if (allowed.stream().noneMatch(cidr -> cidr.contains(address))) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "PRINTER_NOT_ALLOWED",
						Map.of("printer", printer, "address", address.getHostAddress()), printer,
						host + " = " + address.getHostAddress(), listed);
			}
		}
	}

	/** One network: an address and the length of its prefix. */
	record Cidr(byte[] network, int prefix) {

		static Cidr parse(String text) {
			int slash = text.indexOf('/');
			String address = (slash < 0) ? text : text.substring(0, slash);
			if (!address.matches("[0-9a-fA-F:.]+")) {
				// a name here would be resolved at start: only literal addresses are
				// networks
				throw new IllegalStateException("madoguchi.printing.allowed-networks: not an address: " + text);
			}
			try {
				byte[] bytes = InetAddress.getByName(address).getAddress();
				int prefix = (slash < 0) ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
				if (prefix < 0 || prefix > bytes.length * 8) {
					throw new IllegalStateException("madoguchi.printing.allowed-networks: bad prefix: " + text);
				}
				return new Cidr(bytes, prefix);
			}
			catch (UnknownHostException | NumberFormatException ex) {
				throw new IllegalStateException("madoguchi.printing.allowed-networks: not a network: " + text, ex);
			}
		}

		boolean contains(InetAddress candidate) {
			byte[] bytes = candidate.getAddress();
			if (bytes.length != network.length) {
				return false;
			}
			int full = prefix / 8;
			for (int i = 0; i < full; i++) {
				if (bytes[i] != network[i]) {
					return false;
				}
			}
			int rest = prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (bytes[full] & mask) == (network[full] & mask);
		}

	}

}
