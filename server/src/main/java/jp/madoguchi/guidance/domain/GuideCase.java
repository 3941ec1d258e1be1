package jp.madoguchi.guidance.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jp.madoguchi.guidance.rules.RuleSubject;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.moving.NotificationContent.HouseholdFacts;
import jp.madoguchi.moving.NotificationContent.PersonFacts;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import org.jspecify.annotations.Nullable;

/**
 * One notification seen by the rules: its facts on the reference date. Facts the
 * notification leaves out are unknown ({@code null}) or, for yes/no facts, no.
 */
final class GuideCase implements RuleSubject {

	private final NotificationContent content;

	private final LocalDate on;

	private final List<Resident> persons;

	public GuideCase(NotificationContent content, LocalDate on) {
		this.content = content;
		this.on = on;
		this.persons = content.persons().stream().map(Resident::new).toList();
	}

	public LocalDate referenceDate() {
		return on;
	}

	@Override
	public NotificationType type() {
		return content.type();
	}

	@Override
	public Variant variant() {
		return content.variant();
	}

	@Override
	public @Nullable Object householdFact(String name) {
		HouseholdFacts facts = (content.household() != null) ? content.household().facts() : null;
		switch (name) {
			case "type":
				return content.type().name();
			case "variant":
				return content.variant().name();
			case "personCount":
				return (long) persons.size();
			case "hasDog":
				return facts != null && Boolean.TRUE.equals(facts.hasDog());
			case "hasMoped":
				return facts != null && Boolean.TRUE.equals(facts.hasMoped());
			case "waterService":
				return facts != null && Boolean.TRUE.equals(facts.waterService());
			default:
				throw new IllegalArgumentException("unknown household fact " + name);
		}
	}

	@Override
	public List<Resident> persons() {
		return persons;
	}

	/** One person with the facts of the catalogue. */
	final class Resident implements RuleSubject.Person {

		private final NotificationContent.Person person;

		private final @Nullable LocalDate born;

		Resident(NotificationContent.Person person) {
			this.person = person;
			this.born = (person.birthDate() != null && !person.birthDate().isAfter(on)) ? person.birthDate() : null;
		}

		@Override
		public @Nullable Object fact(String name) {
			PersonFacts facts = person.facts();
			switch (name) {
				case "age":
					return (born != null) ? Long.valueOf(LegalAge.age(born, on)) : null;
				case "schoolAge":
					return born != null && LegalAge.schoolAge(born, on);
				case "preschool":
					return born != null && LegalAge.preschool(born, on);
				case "schoolGrade":
					Integer grade = (born != null) ? LegalAge.schoolGrade(born, on) : null;
					return (grade != null) ? Long.valueOf(grade) : null;
				case "childAllowanceAge":
					return born != null && LegalAge.childAllowanceAge(born, on);
				case "healthInsurance":
					return (facts != null && facts.healthInsurance() != null) ? facts.healthInsurance().name() : null;
				case "careCertified":
					return facts != null && Boolean.TRUE.equals(facts.careCertified());
				case "disabilityCertificate":
					return facts != null && Boolean.TRUE.equals(facts.disabilityCertificate());
				case "pregnant":
					return facts != null && Boolean.TRUE.equals(facts.pregnant());
				case "inNursery":
					return facts != null && Boolean.TRUE.equals(facts.inNursery());
				case "publicAssistance":
					return facts != null && Boolean.TRUE.equals(facts.publicAssistance());
				case "singleParent":
					return facts != null && Boolean.TRUE.equals(facts.singleParent());
				case "foreignResident":
					return person.foreignResident() != null;
				case "residenceCategory":
					return (person.foreignResident() != null && person.foreignResident().category() != null)
							? person.foreignResident().category().name() : null;
				case "stayDaysLeft":
					return (person.foreignResident() != null && person.foreignResident().periodOfStayEndsOn() != null)
							? Long.valueOf(ChronoUnit.DAYS.between(on, person.foreignResident().periodOfStayEndsOn()))
							: null;
				case "myNumberCard":
					return Boolean.TRUE.equals(person.myNumberCard());
				case "head":
					return "世帯主".equals(person.relationship());
				case "relationship":
					return person.relationship();
				default:
					throw new IllegalArgumentException("unknown person fact " + name);
			}
		}

		@Override
		public @Nullable Object call(String function, long argument) {
			if (born == null) {
				return false;
			}
			switch (function) {
				case "reached":
					return LegalAge.hasReached(born, (int) argument, on);
				case "untilMarch31AfterAge":
					return LegalAge.untilEndOfSchoolYearReaching(born, (int) argument, on);
				default:
					throw new IllegalArgumentException("unknown function " + function);
			}
		}

		/** "子 花子さん（8歳）": 続柄 as the notification gives it, the given name, the age. */
		@Override
		public String label() {
			StringBuilder label = new StringBuilder();
			if (person.relationship() != null && !person.relationship().isBlank()) {
				label.append(person.relationship().strip()).append(' ');
			}
			label.append(name()).append("さん");
			if (born != null) {
				label.append('（').append(LegalAge.age(born, on)).append("歳）");
			}
			return label.toString();
		}

		private String name() {
			if (person.givenName() != null && !person.givenName().isBlank()) {
				return person.givenName().strip();
			}
			if (person.foreignResident() != null && person.foreignResident().nameAlphabet() != null
					&& !person.foreignResident().nameAlphabet().isBlank()) {
				return person.foreignResident().nameAlphabet().strip();
			}
			String full = person.fullName();
			return full.isEmpty() ? "氏名未入力の方" : full;
		}

	}

}
