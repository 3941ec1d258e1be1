package jp.madoguchi.guidance.rules;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import jp.madoguchi.guidance.rules.FactCatalogue.Type;
import org.jspecify.annotations.Nullable;

/** The expression tree of a condition; each node already checked against its types. */
final class Node {

	private Node() {
	}

	/**
	 * The household being evaluated and, inside {@code each person} or {@code any}, the
	 * person.
	 */
	record Context(RuleSubject subject, RuleSubject.@Nullable Person person) {

		RuleSubject.Person requirePerson() {
			if (person == null) {
				throw new IllegalStateException("a person fact outside a person scope");
			}
			return person;
		}

	}

	interface Expr {

		Type type();

		/** The values a symbol-typed expression can take; empty when not known. */
		default Set<String> symbols() {
			return Set.of();
		}

		@Nullable Object eval(Context context);

	}

	static boolean isTrue(@Nullable Object value) {
		return Boolean.TRUE.equals(value);
	}

	record Literal(Type type, Object value) implements Expr {

		@Override
		public Object eval(Context context) {
			return value;
		}

	}

	record HouseholdFact(String name, Type type, Set<String> symbols) implements Expr {

		@Override
		public @Nullable Object eval(Context context) {
			return context.subject().householdFact(name);
		}

	}

	record PersonFact(String name, Type type, Set<String> symbols) implements Expr {

		@Override
		public @Nullable Object eval(Context context) {
			return context.requirePerson().fact(name);
		}

	}

	record PersonFunction(String name, long argument) implements Expr {

		@Override
		public Type type() {
			return Type.BOOLEAN;
		}

		@Override
		public @Nullable Object eval(Context context) {
			return context.requirePerson().call(name, argument);
		}

	}

	/**
	 * {@code any(condition)} or {@code count(condition)} over the household's persons.
	 */
	record OverPersons(boolean count, Expr condition) implements Expr {

		@Override
		public Type type() {
			return count ? Type.NUMBER : Type.BOOLEAN;
		}

		@Override
		public Object eval(Context context) {
			long matching = 0;
			for (RuleSubject.Person person : context.subject().persons()) {
				if (isTrue(condition.eval(new Context(context.subject(), person)))) {
					if (!count) {
						return Boolean.TRUE;
					}
					matching++;
				}
			}
			return count ? (Object) matching : Boolean.FALSE;
		}

	}

	record Not(Expr operand) implements Expr {

		@Override
		public Type type() {
			return Type.BOOLEAN;
		}

		@Override
		public Object eval(Context context) {
			return !isTrue(operand.eval(context));
		}

	}

	record Logical(boolean and, Expr left, Expr right) implements Expr {

		@Override
		public Type type() {
			return Type.BOOLEAN;
		}

		@Override
		public Object eval(Context context) {
			boolean first = isTrue(left.eval(context));
			if (and != first) {
				return first;
			}
			return isTrue(right.eval(context));
		}

	}

	record Compare(String operator, Expr left, Expr right) implements Expr {

		@Override
		public Type type() {
			return Type.BOOLEAN;
		}

		@Override
		public Object eval(Context context) {
			Object a = left.eval(context);
			Object b = right.eval(context);
			if (a == null || b == null) {
				return operator.equals("!=");
			}
			switch (operator) {
				case "=":
					return Objects.equals(a, b);
				case "!=":
					return !Objects.equals(a, b);
				default:
					long x = (Long) a;
					long y = (Long) b;
					return switch (operator) {
						case "<" -> x < y;
						case "<=" -> x <= y;
						case ">" -> x > y;
						default -> x >= y;
					};
			}
		}

	}

	record In(Expr left, List<Expr> candidates) implements Expr {

		@Override
		public Type type() {
			return Type.BOOLEAN;
		}

		@Override
		public Object eval(Context context) {
			Object value = left.eval(context);
			if (value == null) {
				return false;
			}
			for (Expr candidate : candidates) {
				if (value.equals(candidate.eval(context))) {
					return true;
				}
			}
			return false;
		}

	}

}
