package jp.madoguchi.audit.domain;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain key and the exported heads: kept outside the database, owner-only. */
class ChainKeyFilesTests {

	static final Instant TIME = Instant.parse("2026-12-02T08:00:00Z");

	@TempDir
	Path root;

	@Test
	void aNewKeyLeavesTheEventsSoFarUnkeyedAndSignsTheNextOnes() throws Exception {
		Path file = root.resolve("keys/audit-chain.key");
		ChainKey key = new ChainKeys(file).current(() -> 41);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(key.keyedAfterId()).isEqualTo(41);
		AuditEvent old = event(41);
		AuditEvent next = event(42);
		assertThat(key.hashOf(old)).isEqualTo(ChainHash.of(old));
		assertThat(key.hashOf(next)).isNotEqualTo(ChainHash.of(next)).matches("[0-9a-f]{64}");

		ChainKey reread = new ChainKeys(file).current(() -> 9999);
		assertThat(reread.keyedAfterId()).as("the boundary is the one written with the key").isEqualTo(41);
		assertThat(reread.hashOf(next)).isEqualTo(key.hashOf(next));
		assertThat(new ChainKeys(root.resolve("other.key")).current(() -> 41).hashOf(next))
			.as("another installation's key")
			.isNotEqualTo(key.hashOf(next));
	}

	@Test
	void theHeadIsAppendedOwnerOnlyOnlyWhenItMovedAndSentToSyslog() throws Exception {
		AtomicReference<ChainHead> head = new AtomicReference<>(new ChainHead(7, "a".repeat(64)));
		AuditEventRepository events = (AuditEventRepository) java.lang.reflect.Proxy.newProxyInstance(
				getClass().getClassLoader(), new Class<?>[] { AuditEventRepository.class }, (proxy, method, args) -> {
					if (method.getName().equals("head")) {
						return head.get();
					}
					throw new UnsupportedOperationException(method.getName());
				});
		Path file = root.resolve("audit/chain-heads.log");
		try (DatagramSocket syslog = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			syslog.setSoTimeout(10_000);
			ChainHeadExport export = new ChainHeadExport(events, file,
					new InetSocketAddress(InetAddress.getLoopbackAddress(), syslog.getLocalPort()),
					Clock.fixed(TIME, ZoneOffset.UTC));
			export.export();
			export.export();
			head.set(new ChainHead(9, "b".repeat(64)));
			export.export();

			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
				.isEqualTo("rwx------");
			assertThat(Files.readAllLines(file)).containsExactly(
					"2026-12-02T08:00:00Z lastId=7 lastHash=" + "a".repeat(64),
					"2026-12-02T08:00:00Z lastId=9 lastHash=" + "b".repeat(64));
			assertThat(export.latest()).contains(new ChainHeadExport.ExportedHead(TIME, 9, "b".repeat(64)));

			DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
			syslog.receive(packet);
			assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)).isEqualTo(
					"<133>1 2026-12-02T08:00:00Z - madoguchi - AUDIT_HEAD - lastId=7 lastHash=" + "a".repeat(64));
		}
	}

	static AuditEvent event(long id) {
		return new AuditEvent(id, TIME, "clerk", null, "192.0.2.1", "NOTIFICATION_VIEWED", "notification:1",
				AuditOutcome.SUCCESS, null, ChainHash.GENESIS, "");
	}

}
