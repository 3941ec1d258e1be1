package jp.madoguchi.support;

import jp.madoguchi.card.emulator.Pcscd;

/**
 * One pcscd for the whole test JVM, stopped when the JVM exits. Java's smartcardio keeps
 * its PC/SC context for the life of the JVM and does not reconnect to a restarted daemon,
 * so a test class that stopped "its" pcscd would leave every later class in the same JVM
 * without readers.
 */
public final class SharedPcscd {

	private static Pcscd pcscd;

	private SharedPcscd() {
	}

	public static synchronized void ensureRunning() throws Exception {
		if (pcscd == null) {
			Pcscd started = Pcscd.startOrReuse();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (Exception ex) {
					// the JVM is going away; the daemon dies with its parent anyway
				}
			}, "pcscd-stop"));
			pcscd = started;
		}
	}

}
