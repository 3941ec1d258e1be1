package jp.madoguchi.card.emulator;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Puts a card ({@link VirtualCard}, {@link ResidenceCardChip}) into vsmartcard's virtual
 * reader: connects to vpcd (the pcscd driver listens on 127.0.0.1:35963; the emulator is
 * the client) and answers its messages. Each message either way is a two-byte big-endian
 * length and a payload; a one-byte payload is a control (00 power off, 01 power on, 02
 * reset, 04 get ATR, answered with the ATR), anything else is a command APDU, answered
 * with the response APDU.
 *
 * <pre>
 * java -jar madoguchi-card-emulator.jar --profile PROFILE.json [--host 127.0.0.1] [--port 35963]
 *      [--remove-after-apdus N]
 * </pre>
 *
 * Being connected is the card lying on the reader. Lines on standard input:
 * {@code remove} pulls the card (closes the connection), {@code insert} puts it back
 * (same card: the PIN counter is kept), {@code quit} ends. {@code --remove-after-apdus N}
 * pulls the card instead of answering APDU N+1 (a card taken away mid-read). If vpcd goes
 * away (pcscd stopped), the emulator keeps trying to reconnect.
 */
public final class CardEmulator {

	private static final Logger LOG = Logger.getLogger(CardEmulator.class.getName());

	private final EmulatedChip card;

	private final InetSocketAddress vpcd;

	private final int removeAfterApdus;

	private final AtomicBoolean inserted = new AtomicBoolean(true);

	private final AtomicBoolean running = new AtomicBoolean(true);

	private volatile Socket socket;

	private int apdus;

	public CardEmulator(EmulatedChip card, InetSocketAddress vpcd, int removeAfterApdus) {
		this.card = card;
		this.vpcd = vpcd;
		this.removeAfterApdus = removeAfterApdus;
	}

	public static void main(String[] args) throws Exception {
		if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
			System.setProperty("java.util.logging.SimpleFormatter.format", "[card-emulator] %5$s%6$s%n");
		}
		String profile = null;
		String host = "127.0.0.1";
		int port = 35963;
		int removeAfter = -1;
		for (int i = 0; i < args.length; i++) {
			String value = (i + 1 < args.length) ? args[i + 1] : null;
			switch (args[i]) {
				case "--profile" -> profile = value;
				case "--host" -> host = value;
				case "--port" -> port = Integer.parseInt(value);
				case "--remove-after-apdus" -> removeAfter = Integer.parseInt(value);
				default -> {
					LOG.severe("Unknown option " + args[i]);
					usage();
					return;
				}
			}
			i++;
		}
		if (profile == null) {
			usage();
			return;
		}
		CardEmulator emulator = new CardEmulator(CardProfile.read(Path.of(profile)).toChip(),
				new InetSocketAddress(host, port), removeAfter);
		Thread console = new Thread(emulator::readCommands, "console");
		console.setDaemon(true);
		console.start();
		emulator.run();
	}

	private static void usage() {
		LOG.severe("usage: java -jar madoguchi-card-emulator.jar --profile PROFILE.json [--host H] [--port P]"
				+ " [--remove-after-apdus N]");
		System.exit(2);
	}

	private void readCommands() {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				switch (line.trim()) {
					case "remove" -> remove();
					case "insert" -> {
						this.apdus = 0;
						this.inserted.set(true);
						log("card inserted");
					}
					case "quit" -> stop();
					default -> log("commands: remove, insert, quit");
				}
			}
		}
		catch (IOException ex) {
			// No console (started in the background): only --remove-after-apdus and
			// signals apply.
		}
	}

	public void stop() {
		this.running.set(false);
		closeSocket();
	}

	private void remove() {
		this.inserted.set(false);
		closeSocket();
		log("card removed");
	}

	private void closeSocket() {
		Socket current = this.socket;
		if (current != null) {
			try {
				current.close();
			}
			catch (IOException ex) {
				// Closing is all we wanted.
			}
		}
	}

	/** Connects, serves, and reconnects until stopped. */
	public void run() throws InterruptedException {
		boolean announced = false;
		while (this.running.get()) {
			if (!this.inserted.get()) {
				Thread.sleep(100);
				continue;
			}
			try (Socket connection = new Socket()) {
				connection.connect(this.vpcd, 1000);
				connection.setTcpNoDelay(true);
				this.socket = connection;
				log("connected to vpcd at " + this.vpcd.getHostString() + ":" + this.vpcd.getPort());
				announced = false;
				serve(new DataInputStream(connection.getInputStream()),
						new DataOutputStream(connection.getOutputStream()));
			}
			catch (IOException ex) {
				if (!announced && this.running.get() && this.inserted.get()) {
					log("vpcd not reachable (" + ex.getMessage() + "), retrying");
					announced = true;
				}
				Thread.sleep(200);
			}
			finally {
				this.socket = null;
			}
		}
	}

	private void serve(DataInputStream in, DataOutputStream out) throws IOException {
		while (true) {
			int length;
			try {
				length = in.readUnsignedShort();
			}
			catch (EOFException ex) {
				log("vpcd closed the connection");
				return;
			}
			byte[] payload = in.readNBytes(length);
			if (payload.length != length) {
				return;
			}
			if (length == 1) {
				control(payload[0], out);
				continue;
			}
			if (this.removeAfterApdus >= 0 && this.apdus >= this.removeAfterApdus) {
				remove();
				return;
			}
			this.apdus++;
			send(out, this.card.process(payload));
		}
	}

	private void control(byte control, DataOutputStream out) throws IOException {
		switch (control) {
			case 0x00 -> this.card.reset(); // power off: volatile state is lost
			case 0x01, 0x02 -> this.card.reset();
			case 0x04 -> send(out, this.card.atr());
			default -> log("unknown vpcd control " + control);
		}
	}

	private static void send(DataOutputStream out, byte[] payload) throws IOException {
		out.writeShort(payload.length);
		out.write(payload);
		out.flush();
	}

	/** Status only: the card's data and the PINs never go to the log. */
	private static void log(String message) {
		LOG.info(message);
	}

}
