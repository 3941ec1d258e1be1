package jp.madoguchi.residentrecord.domain.lookup;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.residentrecord.Resident;
import jp.madoguchi.residentrecord.ResidentQuery;
import jp.madoguchi.residentrecord.ResidentRecordLookup;
import jp.madoguchi.text.SearchKeys;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Looks residents up in a snapshot the city exports from its resident-record system: a
 * UTF-8 file of JSON lines, one {@link Resident} per line (docs/resident-record.md). The
 * file is read again when it changes (size or modification time), so the city can drop a
 * new export in place (write it under another name and rename it over the old one).
 */
public class SnapshotFileLookup implements ResidentRecordLookup {

	private final Path file;

	private final JsonMapper json;

	private @Nullable Snapshot snapshot;

	public SnapshotFileLookup(Path file, JsonMapper json) {
		this.file = file;
		this.json = json;
	}

	@Override
	public List<Resident> find(ResidentQuery query) {
		List<Resident> residents = current();
		String key = (query.name() != null && !query.name().isBlank()) ? SearchKeys.fold(query.name()) : null;
		return residents.stream()
			.filter(r -> key == null || matches(key, r.familyName(), r.givenName())
					|| matches(key, r.familyNameKana(), r.givenNameKana()))
			.filter(r -> query.birthDate() == null || query.birthDate().equals(r.birthDate()))
			.filter(r -> query.householdId() == null || query.householdId().isBlank()
					|| query.householdId().equals(r.householdId()))
			.toList();
	}

	@Override
	public String source() {
		return "snapshot:" + file;
	}

	/**
	 * The family name alone, or family and given name together (with or without a space).
	 */
	private static boolean matches(String key, @Nullable String family, @Nullable String given) {
		String familyKey = SearchKeys.fold((family != null) ? family : "");
		String fullKey = familyKey + SearchKeys.fold((given != null) ? given : "");
		return !familyKey.isEmpty() && (key.equals(familyKey) || fullKey.startsWith(key));
	}

	private synchronized List<Resident> current() {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			if (snapshot == null || snapshot.size != attributes.size()
					|| snapshot.modified != attributes.lastModifiedTime().toMillis()) {
				snapshot = new Snapshot(attributes.size(), attributes.lastModifiedTime().toMillis(), read());
			}
			return snapshot.residents;
		}
		catch (NoSuchFileException ex) {
			throw new LookupUnavailableException("住民データのスナップショット " + file + " がありません。", ex);
		}
		catch (IOException ex) {
			throw new LookupUnavailableException("住民データのスナップショット " + file + " を読めません。", ex);
		}
	}

	private List<Resident> read() throws IOException {
		List<Resident> residents = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				try {
					residents.add(json.readValue(line, Resident.class));
				}
				catch (RuntimeException ex) {
					throw new LookupUnavailableException("住民データのスナップショット " + file + " の " + number + " 行目が読めません。", ex);
				}
			}
		}
		return List.copyOf(residents);
	}

	private record Snapshot(long size, long modified, List<Resident> residents) {
	}

}
