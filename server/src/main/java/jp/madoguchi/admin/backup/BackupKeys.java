package jp.madoguchi.admin.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Optional;

import jp.madoguchi.platform.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's backup key pair. The server keeps the public half in
 * {@code <data-dir>/backup-public-key.pem} and seals every backup to it; the private half
 * is written once, to a folder the operator then takes off the server, and is asked for
 * only by a restore.
 */
final class BackupKeys {

	static final String INSTALLED = "backup-public-key.pem";

	static final String PRIVATE_FILE = "madoguchi-backup-private-key.pem";

	static final String PUBLIC_FILE = "madoguchi-backup-public-key.pem";

	private static final Logger log = LoggerFactory.getLogger(BackupKeys.class);

	private BackupKeys() {
	}

	static void create(Path directory, Path dataDir) throws IOException {
		Path privateFile = directory.resolve(PRIVATE_FILE);
		if (Files.exists(privateFile)) {
			throw new BackupException("秘密鍵ファイルが既にあります: " + privateFile + "（上書きしません。別のフォルダを指定してください）");
		}
		KeyPair pair = BackupSeal.newKeyPair();
		String publicPem = BackupSeal.publicKeyPem(pair.getPublic());
		PrivateFiles.createDirectories(directory);
		PrivateFiles.writeAtomically(privateFile,
				BackupSeal.privateKeyPem(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII));
		PrivateFiles.writeAtomically(directory.resolve(PUBLIC_FILE), publicPem.getBytes(StandardCharsets.US_ASCII));
		Path installed = dataDir.resolve(INSTALLED);
		if (Files.exists(installed)) {
			log.warn("これまでの公開鍵（指紋 {}）を置き換えます。それ以前のバックアップの復元には、以前の秘密鍵が引き続き必要です。",
					BackupSeal.fingerprint(BackupSeal.readPublicKey(installed)));
		}
		PrivateFiles.createDirectories(dataDir);
		PrivateFiles.writeAtomically(installed, publicPem.getBytes(StandardCharsets.US_ASCII));
		log.info("バックアップ用の鍵を作成しました（指紋 {}）。公開鍵を {} に置きました。", BackupSeal.fingerprint(pair.getPublic()), installed);
		log.info("秘密鍵 {} はこのサーバーから外して保管し（暗号化した USB メモリを金庫に、など）、サーバー上のファイルは削除してください。復元にはこの秘密鍵が必要です。", privateFile);
	}

	/** The public key backups are sealed to: the option, else the installed one. */
	static PublicKey recipient(Optional<Path> option, Path dataDir) throws IOException {
		Path file = option.orElse(dataDir.resolve(INSTALLED));
		if (!Files.isRegularFile(file)) {
			throw new BackupException("バックアップ用の公開鍵 " + file
					+ " がありません。バックアップは必ず暗号化します。先に bin/backup --new-key-pair 保管先フォルダ で鍵の組を作成してください（秘密鍵はサーバーの外に保管します）。");
		}
		return BackupSeal.readPublicKey(file);
	}

}
