package jp.madoguchi.residentrecord.domain.lookup;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jp.madoguchi.residentrecord.Resident;
import jp.madoguchi.residentrecord.ResidentQuery;
import jp.madoguchi.residentrecord.ResidentRecordLookup;
import jp.madoguchi.residentrecord.SentAhead;
import jp.madoguchi.residentrecord.SentAheadQuery;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Looks residents up in a snapshot the city exports from its resident-record system: a
 * UTF-8 file of JSON lines, one {@link Resident} or one {@link SentAhead} (marked
 * {@code "kind":"SENT_AHEAD"}) per line (docs/resident-record.md), indexed in memory
 * ({@link ResidentIndex}) when read. The file is read again when it changes (size or
 * modification time), so the city can drop a new export in place (write it under another
 * name and rename it over the old one).
 */
public class SnapshotFileLookup implements ResidentRecordLookup {

	/**
	 * Which kind of line: absent or {@code RESIDENT} (every line of older files),
	 * {@code SENT_AHEAD}.
	 */
	private static final String KIND = "kind";

	private final Path file;

	private final JsonMapper json;

	private @Nullable Snapshot snapshot;

	public SnapshotFileLookup(Path file, JsonMapper json) {
		this.file = file;
		this.json = json;
	}

	@Override
	public List<Resident> find(ResidentQuery query) {
		return current().find(query);
	}

	@Override
	public List<Resident> findByIds(Collection<String> residentIds) {
		return current().findByIds(residentIds);
	}

	@Override
	public Map<String, List<Resident>> findHouseholds(Collection<String> householdIds) {
		return current().findHouseholds(householdIds);
	}

	@Override
	public List<SentAhead> findSentAhead(SentAheadQuery query) {
		return current().findSentAhead(query);
	}

	@Override
	public List<SentAhead> findSentAheadByIds(Collection<String> noticeIds) {
		return current().findSentAheadByIds(noticeIds);
	}

	@Override
	public String source() {
		return "snapshot:" + file;
	}

	private synchronized ResidentIndex current() {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			if (snapshot == null || snapshot.size != attributes.size()
					|| snapshot.modified != attributes.lastModifiedTime().toMillis()) {
				snapshot = new Snapshot(attributes.size(), attributes.lastModifiedTime().toMillis(), read());
			}
			return snapshot.index;
		}
		catch (NoSuchFileException ex) {
			throw new LookupUnavailableException("住民データのスナップショット " + file + " がありません。", ex);
		}
		catch (IOException ex) {
			throw new LookupUnavailableException("住民データのスナップショット " + file + " を読めません。", ex);
		}
	}

	private ResidentIndex read() throws IOException {
		List<Resident> residents = new ArrayList<>();
		List<SentAhead> sentAhead = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				try {
					if (!line.contains("\"" + KIND + "\"")) {
						// most lines: a resident, read straight into the record
						residents.add(json.readValue(line, Resident.class));
						continue;
					}
					JsonNode node = json.readTree(line);
					if (node instanceof ObjectNode object && object.has(KIND)) {
						String kind = object.remove(KIND).asString("");
						if (kind.equals("SENT_AHEAD")) {
							sentAhead.add(json.treeToValue(object, SentAhead.class));
							continue;
						}
						if (!kind.equals("RESIDENT")) {
							throw new IllegalArgumentException("unknown kind " + kind);
						}
					}
					residents.add(json.treeToValue(node, Resident.class));
				}
				catch (RuntimeException ex) {
					throw new LookupUnavailableException("住民データのスナップショット " + file + " の " + number + " 行目が読めません。", ex);
				}
			}
		}
		return new ResidentIndex(residents, sentAhead);
	}

	private record Snapshot(long size, long modified, ResidentIndex index) {
	}

}
