package jp.madoguchi.residentrecord.domain.lookup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import jp.madoguchi.residentrecord.Resident;
import jp.madoguchi.residentrecord.ResidentQuery;
import jp.madoguchi.residentrecord.SentAhead;
import jp.madoguchi.residentrecord.SentAheadQuery;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot held in memory with its indexes, built once per file version: names (kanji,
 * kana and alphabet, folded) and addresses in sorted maps for prefix search, birth dates,
 * households and 宛名番号 in hash maps. A lookup touches only the entries its criteria
 * select, so 50,000 residents answer in well under a millisecond instead of folding every
 * name on every search.
 */
final class ResidentIndex {

	private final List<Resident> residents;

	private final List<SentAhead> sentAhead;

	private final NavigableMap<String, Postings> byName = new TreeMap<>();

	private final NavigableMap<String, Postings> byAddress = new TreeMap<>();

	private final Map<LocalDate, Postings> byBirthDate = new HashMap<>();

	private final Map<String, Postings> byHousehold = new HashMap<>();

	private final Map<String, Integer> byId = new HashMap<>();

	private final NavigableMap<String, Postings> sentAheadByName = new TreeMap<>();

	private final Map<LocalDate, Postings> sentAheadByBirthDate = new HashMap<>();

	private final Map<LocalDate, Postings> sentAheadByVisit = new HashMap<>();

	ResidentIndex(List<Resident> residents, List<SentAhead> sentAhead) {
		this.residents = List.copyOf(residents);
		this.sentAhead = List.copyOf(sentAhead);
		// A city has far fewer distinct names and addresses than residents (a household
		// shares one address): fold each once.
		Map<List<@Nullable String>, String> nameKeys = new HashMap<>();
		Map<Resident.Address, List<String>> addressKeys = new HashMap<>();
		for (int i = 0; i < this.residents.size(); i++) {
			Resident r = this.residents.get(i);
			add(byName, nameKeys.computeIfAbsent(Arrays.asList(r.familyName(), r.givenName()),
					n -> RecordKeys.name(n.get(0), n.get(1))), i);
			add(byName, nameKeys.computeIfAbsent(Arrays.asList(r.familyNameKana(), r.givenNameKana()),
					n -> RecordKeys.name(n.get(0), n.get(1))), i);
			if (r.nameAlphabet() != null) {
				add(byName, RecordKeys.name(r.nameAlphabet()), i);
			}
			if (r.address() != null) {
				for (String key : addressKeys.computeIfAbsent(r.address(), RecordKeys::address)) {
					add(byAddress, key, i);
				}
			}
			if (r.birthDate() != null) {
				byBirthDate.computeIfAbsent(r.birthDate(), d -> new Postings()).add(i);
			}
			if (r.householdId() != null) {
				byHousehold.computeIfAbsent(r.householdId(), h -> new Postings()).add(i);
			}
			byId.putIfAbsent(r.residentId(), i);
		}
		for (int i = 0; i < this.sentAhead.size(); i++) {
			SentAhead s = this.sentAhead.get(i);
			for (SentAhead.Person p : s.persons()) {
				add(sentAheadByName, RecordKeys.name(p.familyName(), p.givenName()), i);
				add(sentAheadByName, RecordKeys.name(p.familyNameKana(), p.givenNameKana()), i);
				if (p.birthDate() != null) {
					sentAheadByBirthDate.computeIfAbsent(p.birthDate(), d -> new Postings()).add(i);
				}
			}
			if (s.plannedVisitDate() != null) {
				sentAheadByVisit.computeIfAbsent(s.plannedVisitDate(), d -> new Postings()).add(i);
			}
		}
	}

	int residentCount() {
		return residents.size();
	}

	int sentAheadCount() {
		return sentAhead.size();
	}

	/** Every given criterion must match; in the order of the snapshot. */
	List<Resident> find(ResidentQuery query) {
		BitSet hits = null;
		if (!blank(query.name())) {
			hits = and(hits, prefix(byName, RecordKeys.name(query.name())));
		}
		if (!blank(query.address())) {
			hits = and(hits, prefix(byAddress, RecordKeys.address(query.address())));
		}
		if (query.birthDate() != null) {
			hits = and(hits, bits(byBirthDate.get(query.birthDate())));
		}
		if (!blank(query.householdId())) {
			hits = and(hits, bits(byHousehold.get(query.householdId().strip())));
		}
		return (hits == null) ? List.of() : pick(residents, hits);
	}

	List<Resident> findByIds(Collection<String> residentIds) {
		List<Resident> found = new ArrayList<>();
		for (String id : residentIds) {
			Integer at = byId.get(id);
			if (at != null) {
				found.add(residents.get(at));
			}
		}
		return found;
	}

	Map<String, List<Resident>> findHouseholds(Collection<String> householdIds) {
		Map<String, List<Resident>> found = new LinkedHashMap<>();
		for (String id : householdIds) {
			Postings members = byHousehold.get(id.strip());
			if (members != null) {
				found.putIfAbsent(id, pick(residents, bits(members)));
			}
		}
		return found;
	}

	/** In the order asked; a handful of ids, so a scan is enough. */
	List<SentAhead> findSentAheadByIds(Collection<String> noticeIds) {
		return noticeIds.stream()
			.flatMap(id -> sentAhead.stream().filter(s -> id.equals(s.noticeId())).limit(1))
			.toList();
	}

	/**
	 * A person's name and birth date must belong to one entry's persons, not necessarily
	 * to the same person (two persons of one family are close enough to list the entry).
	 */
	List<SentAhead> findSentAhead(SentAheadQuery query) {
		BitSet hits = null;
		if (!blank(query.name())) {
			hits = and(hits, prefix(sentAheadByName, RecordKeys.name(query.name())));
		}
		if (query.birthDate() != null) {
			hits = and(hits, bits(sentAheadByBirthDate.get(query.birthDate())));
		}
		if (query.plannedVisitDate() != null) {
			hits = and(hits, bits(sentAheadByVisit.get(query.plannedVisitDate())));
		}
		return (hits == null) ? List.of() : pick(sentAhead, hits);
	}

	private static void add(NavigableMap<String, Postings> index, String key, int at) {
		if (!key.isEmpty()) {
			index.computeIfAbsent(key, k -> new Postings()).add(at);
		}
	}

	/** Every entry with a key starting with {@code prefix}. */
	private static BitSet prefix(NavigableMap<String, Postings> index, String prefix) {
		BitSet hits = new BitSet();
		if (prefix.isEmpty()) {
			return hits;
		}
		for (Postings entries : index.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values()) {
			entries.addTo(hits);
		}
		return hits;
	}

	private static BitSet bits(@Nullable Postings postings) {
		BitSet hits = new BitSet();
		if (postings != null) {
			postings.addTo(hits);
		}
		return hits;
	}

	/**
	 * The entries under one key, as positions in the snapshot. Kept as a growing int
	 * array: a bit set per key would cost up to n/8 bytes for each of the ~100,000 keys.
	 */
	private static final class Postings {

		private int[] at = new int[1];

		private int size;

		void add(int position) {
			if (size > 0 && at[size - 1] == position) {
				return;
			}
			if (size == at.length) {
				at = Arrays.copyOf(at, size * 2);
			}
			at[size++] = position;
		}

		void addTo(BitSet hits) {
			for (int i = 0; i < size; i++) {
				hits.set(at[i]);
			}
		}

	}

	private static BitSet and(@Nullable BitSet hits, BitSet more) {
		if (hits == null) {
			return (BitSet) more.clone();
		}
		hits.and(more);
		return hits;
	}

	private static <T> List<T> pick(List<T> all, BitSet hits) {
		List<T> found = new ArrayList<>(hits.cardinality());
		for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
			found.add(all.get(i));
		}
		return found;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
