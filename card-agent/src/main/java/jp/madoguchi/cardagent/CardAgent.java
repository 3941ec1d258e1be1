package jp.madoguchi.cardagent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpServer;

import jp.madoguchi.card.IssuerKeys;
import jp.madoguchi.card.PcscReaders;

/**
 * The counter terminal's card agent: reads the My Number card and the IC driver's licence
 * on the terminal's PC/SC reader for the counter page, over HTTP on the loopback
 * interface only.
 *
 * <pre>
 * java -jar madoguchi-card-agent.jar --port 9443 --allowed-origin https://madoguchi.example.lg.jp
 *      --pairing-token TOKEN
 * </pre>
 *
 * {@code --pairing-token-file FILE} (or the environment variable
 * MADOGUCHI_CARD_AGENT_TOKEN) keeps the token out of the process list, which every user
 * of a Windows terminal can read.
 */
public final class CardAgent {

	private static final Logger LOG = Logger.getLogger(CardAgent.class.getName());

	private final HttpServer server;

	private final ExecutorService executor;

	private CardAgent(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	public static void main(String[] args) throws IOException {
		if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
			// One line per record: date, level, message (never personal data, see
			// AgentHandler).
			System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %5$s%6$s%n");
		}
		Settings settings;
		try {
			settings = Settings.parse(args);
		}
		catch (IllegalArgumentException ex) {
			LOG.severe(() -> ex.getMessage() + System.lineSeparator()
					+ "usage: java -jar madoguchi-card-agent.jar --port 9443 --allowed-origin URL"
					+ " (--pairing-token TOKEN | --pairing-token-file FILE) [--residence-card-issuer-key FILE]"
					+ " [--residence-card-ecdsa-issuer-key FILE] [--opj-decompress PROGRAM]");
			System.exit(2);
			return;
		}
		CardAgent agent = start(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(agent::stop, "shutdown"));
	}

	public static CardAgent start(Settings settings) throws IOException {
		PcscReaders.configureLibrary();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()),
				16);
		server.createContext("/", new AgentHandler(settings, new CardService(new PcscReaders(), settings.issuerKeys(),
				Clock.systemDefaultZone(), new Jpeg2000(settings.opjDecompress()))));
		// A few threads: one card is read at a time anyway (CardService serialises), the
		// others answer
		// preflights and reader lists meanwhile.
		ExecutorService executor = Executors.newFixedThreadPool(4);
		server.setExecutor(executor);
		server.start();
		LOG.info(() -> "card agent listening on http://" + server.getAddress().getHostString() + ":"
				+ server.getAddress().getPort() + " for " + settings.allowedOrigin());
		return new CardAgent(server, executor);
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public void stop() {
		this.server.stop(0);
		this.executor.shutdown();
	}

	/**
	 * The agent's configuration.
	 *
	 * @param port TCP port on 127.0.0.1
	 * @param allowedOrigin the counter server's origin (scheme://host[:port]), the only
	 * one browsers may call from
	 * @param pairingToken the bearer token the counter page presents
	 * @param residenceCardIssuerKey the residence card issuer's certificate or public key
	 * (PEM or DER) the cards' check codes must verify with; null to read them unchecked
	 * @param residenceCardEcdsaIssuerKey the second-generation cards' issuer certificate
	 * or public key (EC P-384, PEM or DER) their ECDSA signatures must verify with; null
	 * to read them unchecked
	 * @param opjDecompress OpenJPEG's {@code opj_decompress}, which turns the cards' JPEG
	 * 2000 photos into PNG: a path, or a name on the PATH
	 */
	public record Settings(int port, String allowedOrigin, String pairingToken, Path residenceCardIssuerKey,
			Path residenceCardEcdsaIssuerKey, String opjDecompress) {

		/**
		 * OpenJPEG's decoder as Debian installs it (libopenjp2-tools), found on the PATH.
		 */
		public static final String OPJ_DECOMPRESS = "opj_decompress";

		public Settings(int port, String allowedOrigin, String pairingToken) {
			this(port, allowedOrigin, pairingToken, null);
		}

		public Settings(int port, String allowedOrigin, String pairingToken, Path residenceCardIssuerKey) {
			this(port, allowedOrigin, pairingToken, residenceCardIssuerKey, null, OPJ_DECOMPRESS);
		}

		public Settings {
			URI origin = URI.create(allowedOrigin);
			if (origin.getScheme() == null || origin.getHost() == null
					|| (origin.getPath() != null && !origin.getPath().isEmpty())) {
				throw new IllegalArgumentException(
						"--allowed-origin is an origin such as https://madoguchi.example.lg.jp");
			}
			if (pairingToken == null || pairingToken.length() < 16) {
				throw new IllegalArgumentException("The pairing token has at least 16 characters");
			}
			if (residenceCardIssuerKey != null) {
				issuerKey(residenceCardIssuerKey, "--residence-card-issuer-key");
			}
			if (residenceCardEcdsaIssuerKey != null && !"EC"
				.equals(issuerKey(residenceCardEcdsaIssuerKey, "--residence-card-ecdsa-issuer-key").getAlgorithm())) {
				throw new IllegalArgumentException(
						"--residence-card-ecdsa-issuer-key is no EC key: " + residenceCardEcdsaIssuerKey);
			}
			if (opjDecompress == null || opjDecompress.isBlank()) {
				opjDecompress = OPJ_DECOMPRESS;
			}
		}

		/** The configured issuer key, or null. */
		PublicKey issuerKey() {
			return (this.residenceCardIssuerKey != null)
					? issuerKey(this.residenceCardIssuerKey, "--residence-card-issuer-key") : null;
		}

		/** Both generations' configured issuer keys (none, one or two). */
		List<PublicKey> issuerKeys() {
			List<PublicKey> keys = new ArrayList<>();
			if (this.residenceCardIssuerKey != null) {
				keys.add(issuerKey());
			}
			if (this.residenceCardEcdsaIssuerKey != null) {
				keys.add(issuerKey(this.residenceCardEcdsaIssuerKey, "--residence-card-ecdsa-issuer-key"));
			}
			return List.copyOf(keys);
		}

		private static PublicKey issuerKey(Path file, String option) {
			try {
				return IssuerKeys.read(file);
			}
			catch (IOException | IllegalArgumentException ex) {
				throw new IllegalArgumentException(option + " is no readable certificate or public key: " + file);
			}
		}

		static Settings parse(String[] args) {
			Integer port = null;
			String origin = null;
			String token = System.getenv("MADOGUCHI_CARD_AGENT_TOKEN");
			Path issuerKey = null;
			Path ecdsaIssuerKey = null;
			String opjDecompress = OPJ_DECOMPRESS;
			for (int i = 0; i < args.length; i += 2) {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("Option " + args[i] + " needs a value");
				}
				String value = args[i + 1];
				switch (args[i]) {
					case "--port" -> port = Integer.parseInt(value);
					case "--allowed-origin" -> origin = value;
					case "--pairing-token" -> token = value;
					case "--pairing-token-file" -> token = readToken(Path.of(value));
					case "--residence-card-issuer-key" -> issuerKey = Path.of(value);
					case "--residence-card-ecdsa-issuer-key" -> ecdsaIssuerKey = Path.of(value);
					case "--opj-decompress" -> opjDecompress = value;
					default -> throw new IllegalArgumentException("Unknown option " + args[i]);
				}
			}
			if (port == null || origin == null || token == null) {
				throw new IllegalArgumentException("--port, --allowed-origin and a pairing token are required");
			}
			return new Settings(port, origin.replaceAll("/+$", ""), token, issuerKey, ecdsaIssuerKey, opjDecompress);
		}

		private static String readToken(Path file) {
			try {
				return Files.readString(file, StandardCharsets.UTF_8).trim();
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("Cannot read the pairing token file " + file);
			}
		}

		@Override
		public String toString() {
			return "Settings[port=" + this.port + ", allowedOrigin=" + this.allowedOrigin + ", pairingToken=***"
					+ ", residenceCardIssuerKey=" + this.residenceCardIssuerKey + ", residenceCardEcdsaIssuerKey="
					+ this.residenceCardEcdsaIssuerKey + ", opjDecompress=" + this.opjDecompress + "]";
		}

	}

}
