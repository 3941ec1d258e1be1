package jp.madoguchi.residentrecord.domain.lookup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jp.madoguchi.residentrecord.CardItems;
import jp.madoguchi.residentrecord.Resident;
import jp.madoguchi.residentrecord.ResidentQuery;
import jp.madoguchi.residentrecord.ResidentRecordLookup;
import jp.madoguchi.residentrecord.SentAhead;
import jp.madoguchi.residentrecord.SentAheadQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Finding the household at the counter: the residents a search or a card read matches,
 * grouped by household with every member of it, so that staff see who lives together and
 * pick themselves. Several candidates are always listed; nothing is chosen here.
 */
@Component
public class HouseholdSearch {

	/**
	 * Households listed at most; a search that finds more says so and asks for more
	 * criteria.
	 */
	public static final int MAX_HOUSEHOLDS = 50;

	private final ResidentRecordLookup lookup;

	public HouseholdSearch(ResidentRecordLookup lookup) {
		this.lookup = lookup;
	}

	/** Residents matching every criterion, with their households. */
	public Households find(ResidentQuery query) {
		List<Resident> found = lookup.find(query);
		return group(found, Map.of());
	}

	/**
	 * The card's four items against the record: residents born on the card's date whose
	 * name matches (exactly or folded), or whose address and sex match (a changed name);
	 * best match first, each item's comparison given.
	 */
	public Households byCard(CardItems card) {
		Map<String, CardMatch> matches = new HashMap<>();
		List<Resident> candidates = new ArrayList<>();
		for (Resident resident : lookup.find(new ResidentQuery(null, card.birthDate(), null))) {
			CardMatch match = CardMatch.of(card, resident.birthDate(), resident.sex(), resident.address(),
					resident.fullName(), RecordKeys.name(resident.familyName(), resident.givenName()),
					RecordKeys.name(resident.familyNameKana(), resident.givenNameKana()),
					(resident.nameAlphabet() != null) ? RecordKeys.name(resident.nameAlphabet()) : "");
			if (match.isCandidate()) {
				matches.put(resident.residentId(), match);
				candidates.add(resident);
			}
		}
		candidates.sort(Comparator.comparingInt((Resident r) -> -matches.get(r.residentId()).score()));
		return group(candidates, matches);
	}

	/**
	 * Data sent ahead with a person the card's items match (the card still has the old
	 * address).
	 */
	public List<SentAheadMatch> sentAheadByCard(CardItems card) {
		List<SentAheadMatch> found = new ArrayList<>();
		for (SentAhead entry : lookup.findSentAhead(new SentAheadQuery(null, card.birthDate(), null))) {
			for (int i = 0; i < entry.persons().size(); i++) {
				SentAhead.Person p = entry.persons().get(i);
				CardMatch match = CardMatch.of(card, p.birthDate(), p.sex(), entry.previousAddress(), p.fullName(),
						RecordKeys.name(p.familyName(), p.givenName()),
						RecordKeys.name(p.familyNameKana(), p.givenNameKana()), "");
				if (match.isCandidate()) {
					found.add(new SentAheadMatch(entry, i, match));
				}
			}
		}
		found.sort(Comparator.comparingInt((SentAheadMatch m) -> -m.match().score()));
		return found;
	}

	private Households group(List<Resident> found, Map<String, CardMatch> matches) {
		Map<String, List<Resident>> byHousehold = new LinkedHashMap<>();
		for (Resident resident : found) {
			String key = (resident.householdId() != null) ? resident.householdId() : "\u0000" + resident.residentId();
			byHousehold.computeIfAbsent(key, k -> new ArrayList<>()).add(resident);
		}
		List<List<Resident>> listed = byHousehold.values().stream().limit(MAX_HOUSEHOLDS).toList();
		// every member of the households listed, in one question to the source
		List<String> householdIds = listed.stream()
			.map(matched -> matched.get(0).householdId())
			.filter(Objects::nonNull)
			.toList();
		Map<String, List<Resident>> membersByHousehold = householdIds.isEmpty() ? Map.of()
				: lookup.findHouseholds(householdIds);
		List<Household> households = new ArrayList<>();
		for (List<Resident> matched : listed) {
			String householdId = matched.get(0).householdId();
			List<Resident> members = (householdId != null) ? membersByHousehold.getOrDefault(householdId, matched)
					: matched;
			List<Member> memberList = new ArrayList<>();
			for (Resident member : members) {
				boolean hit = matched.stream().anyMatch(m -> m.residentId().equals(member.residentId()));
				memberList.add(new Member(hit, hit ? matches.get(member.residentId()) : null, member));
			}
			Resident head = members.stream()
				.filter(m -> "世帯主".equals(m.relationship()))
				.findFirst()
				.orElse(members.get(0));
			households.add(new Household(householdId,
					(head.headOfHousehold() != null) ? head.headOfHousehold() : head.fullName(), head.address(),
					memberList));
		}
		return new Households(households, found.size(), byHousehold.size() > MAX_HOUSEHOLDS);
	}

	/**
	 * Households found.
	 *
	 * @param matchedResidents residents the search matched, in all households
	 * @param truncated more than {@link #MAX_HOUSEHOLDS} households matched; only the
	 * first are listed
	 */
	public record Households(List<Household> households, int matchedResidents, boolean truncated) {
	}

	/** One household: every member, the matched ones marked. */
	public record Household(@Nullable String householdId, String headOfHousehold, Resident.@Nullable Address address,
			List<Member> members) {
	}

	/**
	 * A member of a household found.
	 *
	 * @param matched the search (or the card) matched this person
	 * @param cardMatch how the card's items compare with the record (card reads only)
	 */
	public record Member(boolean matched, @Nullable CardMatch cardMatch, Resident resident) {
	}

	/** Data sent ahead and the person in it the card matched. */
	public record SentAheadMatch(SentAhead sentAhead, int personIndex, CardMatch match) {
	}

	/** How one item of the card compares with the record. */
	public enum Comparison {

		/** the same code points (names: spaces aside) */
		SAME,
		/** the same after folding (another glyph variant, kana, width): staff compare */
		SAME_FOLDED,
		/** one is the start of the other (an address without its 方書) */
		PARTIAL, DIFFERENT,
		/** the card or the record does not have it */
		UNKNOWN

	}

	/** The four items of the card against one person of the record. */
	public record CardMatch(Comparison name, Comparison birthDate, Comparison sex, Comparison address) {

		static CardMatch of(CardItems card, @Nullable LocalDate birthDate, @Nullable String sex,
				Resident.@Nullable Address address, String recordName, String... nameKeys) {
			Comparison name;
			if (withoutSpaces(card.name()).equals(withoutSpaces(recordName))) {
				name = Comparison.SAME;
			}
			else {
				String cardKey = RecordKeys.name(card.name());
				name = List.of(nameKeys).stream().anyMatch(k -> !k.isEmpty() && k.equals(cardKey))
						? Comparison.SAME_FOLDED : Comparison.DIFFERENT;
			}
			Comparison born = (birthDate == null) ? Comparison.UNKNOWN
					: card.birthDate().equals(birthDate) ? Comparison.SAME : Comparison.DIFFERENT;
			Comparison sexes = (card.sex() == null || sex == null) ? Comparison.UNKNOWN
					: card.sex().equals(sex) ? Comparison.SAME : Comparison.DIFFERENT;
			return new CardMatch(name, born, sexes, compareAddress(card.address(), address));
		}

		private static Comparison compareAddress(@Nullable String card, Resident.@Nullable Address record) {
			String recordKey = RecordKeys.fullAddress(record);
			if (card == null || card.isBlank() || recordKey.isEmpty()) {
				return Comparison.UNKNOWN;
			}
			String cardKey = RecordKeys.address(card);
			if (cardKey.equals(recordKey)) {
				return Comparison.SAME;
			}
			return (recordKey.startsWith(cardKey) || cardKey.startsWith(recordKey)) ? Comparison.PARTIAL
					: Comparison.DIFFERENT;
		}

		private static String withoutSpaces(String name) {
			return name.replaceAll("[\\s\\u3000]", "");
		}

		/**
		 * A candidate: born that day, and the name or (a changed name) the address and
		 * sex match.
		 */
		boolean isCandidate() {
			boolean nameMatches = name == Comparison.SAME || name == Comparison.SAME_FOLDED;
			boolean addressMatches = address == Comparison.SAME || address == Comparison.PARTIAL;
			return birthDate == Comparison.SAME && (nameMatches || (addressMatches && sex == Comparison.SAME));
		}

		int score() {
			return ((name == Comparison.SAME) ? 4 : (name == Comparison.SAME_FOLDED) ? 3 : 0)
					+ ((address == Comparison.SAME) ? 2 : (address == Comparison.PARTIAL) ? 1 : 0)
					+ ((sex == Comparison.SAME) ? 1 : 0);
		}

	}

}
