package jp.madoguchi.residentrecord.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The degeneration map (縮退マップ): for a character a target may not keep, the characters to
 * offer instead, best first. The shipped map is
 * {@code residentrecord/degeneration-map.tsv} (its header says the format); a city's file
 * comes first or replaces it.
 */
final class DegenerationMap {

	static final String SHIPPED = "residentrecord/degeneration-map.tsv";

	private final Map<String, List<String>> candidates;

	private DegenerationMap(Map<String, List<String>> candidates) {
		this.candidates = Map.copyOf(candidates);
	}

	/**
	 * @param cityFile the city's map, or null
	 * @param replaceShipped read the city's map alone
	 */
	static DegenerationMap load(@Nullable Path cityFile, boolean replaceShipped) {
		Map<String, List<String>> map = new LinkedHashMap<>();
		if (cityFile != null) {
			try (InputStream in = Files.newInputStream(cityFile)) {
				read(in, cityFile.toString(), map);
			}
			catch (IOException ex) {
				throw new IllegalStateException(
						"madoguchi.resident-record.characters.degeneration-map: " + cityFile + " cannot be read", ex);
			}
		}
		if (!replaceShipped) {
			try (InputStream in = DegenerationMap.class.getClassLoader().getResourceAsStream(SHIPPED)) {
				if (in == null) {
					throw new IllegalStateException(SHIPPED + " is missing");
				}
				read(in, SHIPPED, map);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new DegenerationMap(map);
	}

	/** The candidates for the character, best first; empty when the map has none. */
	List<String> candidates(String character) {
		return candidates.getOrDefault(character, List.of());
	}

	int size() {
		return candidates.size();
	}

	/** Lines of a file come after those already read for the same character. */
	private static void read(InputStream in, String name, Map<String, List<String>> map) throws IOException {
		BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line;
		int number = 0;
		while ((line = lines.readLine()) != null) {
			number++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] columns = line.split("\t");
			if (columns.length < 2 || columns[0].isBlank() || columns[1].isBlank()) {
				throw new IllegalStateException(
						name + " line " + number + ": expected a character, a tab and its candidates");
			}
			List<String> listed = map.computeIfAbsent(columns[0].strip(), c -> new ArrayList<>());
			for (String candidate : columns[1].strip().split(" +")) {
				if (!listed.contains(candidate)) {
					listed.add(candidate);
				}
			}
		}
	}

}
