package jp.madoguchi.guidance.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.guidance.rules.FactCatalogue.Fact;
import jp.madoguchi.guidance.rules.FactCatalogue.Function;
import jp.madoguchi.guidance.rules.FactCatalogue.Scope;
import jp.madoguchi.guidance.rules.FactCatalogue.Type;
import jp.madoguchi.guidance.rules.Lexer.Kind;
import jp.madoguchi.guidance.rules.Lexer.Token;
import jp.madoguchi.guidance.rules.Node.Expr;
import jp.madoguchi.moving.NotificationType;
import jp.madoguchi.moving.NotificationType.Variant;
import org.jspecify.annotations.Nullable;

/**
 * Recursive descent over the tokens, type checking as it goes, so that every error names
 * the token where it was found.
 */
final class Parser {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

	private static final Set<String> KEYWORDS = Set.of("on", "each", "person", "household", "where", "reason", "and",
			"or", "not", "in", "true", "false");

	private final List<Token> tokens;

	private int position;

	/**
	 * Whether facts of one person may be named here (inside each person or any/count).
	 */
	private boolean personScope;

	private boolean insideOverPersons;

	Parser(String source) {
		this.tokens = Lexer.tokens(source);
	}

	Rule rule() {
		Map<NotificationType, Set<Variant>> on = on();
		List<Rule.Clause> clauses = new ArrayList<>();
		while (peek().kind() != Kind.END) {
			clauses.add(clause());
		}
		if (clauses.isEmpty()) {
			throw error(peek(), "条件（each person where … reason \"…\" または household where … reason \"…\"）がありません。");
		}
		return new Rule(on, clauses);
	}

	private Map<NotificationType, Set<Variant>> on() {
		Token first = peek();
		if (!first.is("on")) {
			throw error(first, "ルールは「on 届出の種類」で始めてください（例: on MOVE_IN, MOVE_WITHIN）。");
		}
		next();
		Map<NotificationType, Set<Variant>> on = new EnumMap<>(NotificationType.class);
		do {
			Token name = next();
			NotificationType type = enumValue(NotificationType.class, name);
			if (type == null) {
				throw error(name, name.shown() + "という届出の種類はありません（MOVE_IN, MOVE_OUT, MOVE_WITHIN, HOUSEHOLD_CHANGE）。");
			}
			Set<Variant> variants = EnumSet.noneOf(Variant.class);
			if (peek().is("(")) {
				next();
				do {
					Token variantName = next();
					Variant variant = enumValue(Variant.class, variantName);
					if (variant == null || !type.allows(variant)) {
						throw error(variantName, type + " に" + variantName.shown() + "という区分はありません。");
					}
					variants.add(variant);
				}
				while (accept(","));
				expect(")");
			}
			on.put(type, variants);
		}
		while (accept(","));
		return on;
	}

	private Rule.Clause clause() {
		Token start = next();
		boolean perPerson;
		if (start.is("each")) {
			Token person = next();
			if (!person.is("person")) {
				throw error(person, "「each」の後には「person」と書いてください。");
			}
			perPerson = true;
		}
		else if (start.is("household")) {
			perPerson = false;
		}
		else {
			throw error(start, start.shown() + "ではなく「each person」か「household」が来るはずです。");
		}
		@Nullable Expr condition = null;
		if (accept("where")) {
			personScope = perPerson;
			Token at = peek();
			condition = expression();
			requireBoolean(condition, at);
		}
		Token keyword = next();
		if (!keyword.is("reason")) {
			throw error(keyword, keyword.shown() + "ではなく「reason \"理由\"」が来るはずです。");
		}
		Token reason = next();
		if (reason.kind() != Kind.TEXT || reason.text().isBlank()) {
			throw error(reason, "reason の後には理由を \"…\" で囲んで書いてください。");
		}
		checkPlaceholders(reason, perPerson);
		return new Rule.Clause(perPerson, condition, reason.text());
	}

	private void checkPlaceholders(Token reason, boolean perPerson) {
		Matcher matcher = PLACEHOLDER.matcher(reason.text());
		while (matcher.find()) {
			if (!matcher.group(1).equals("person")) {
				throw error(reason, "理由の中の {" + matcher.group(1) + "} は使えません（使えるのは {person} だけです）。");
			}
			if (!perPerson) {
				throw error(reason, "{person} は each person の理由の中でだけ使えます。");
			}
		}
	}

	private Expr expression() {
		Expr left = conjunction();
		while (peek().is("or")) {
			Token operator = next();
			Expr right = conjunction();
			requireBoolean(left, operator);
			requireBoolean(right, operator);
			left = new Node.Logical(false, left, right);
		}
		return left;
	}

	private Expr conjunction() {
		Expr left = negation();
		while (peek().is("and")) {
			Token operator = next();
			Expr right = negation();
			requireBoolean(left, operator);
			requireBoolean(right, operator);
			left = new Node.Logical(true, left, right);
		}
		return left;
	}

	private Expr negation() {
		if (peek().is("not")) {
			Token operator = next();
			Expr operand = negation();
			requireBoolean(operand, operator);
			return new Node.Not(operand);
		}
		return comparison();
	}

	private Expr comparison() {
		Expr left = primary();
		Token operator = peek();
		if (operator.kind() == Kind.SYMBOL && Set.of("=", "!=", "<", "<=", ">", ">=").contains(operator.text())) {
			next();
			Token rightToken = peek();
			Expr right = primary();
			checkComparable(left, right, operator, rightToken);
			return new Node.Compare(operator.text(), left, right);
		}
		if (operator.is("in")) {
			next();
			expect("(");
			List<Expr> candidates = new ArrayList<>();
			do {
				Token candidateToken = peek();
				Expr candidate = primary();
				checkComparable(left, candidate, operator, candidateToken);
				candidates.add(candidate);
			}
			while (accept(","));
			expect(")");
			return new Node.In(left, candidates);
		}
		return left;
	}

	private void checkComparable(Expr left, Expr right, Token operator, Token rightToken) {
		if (left instanceof Node.Literal && right instanceof Node.Literal) {
			throw error(operator, "値どうしを比べても意味がありません。左か右に事実を書いてください。");
		}
		boolean ordering = !operator.is("=") && !operator.is("!=") && !operator.is("in");
		if (ordering && (left.type() != Type.NUMBER || right.type() != Type.NUMBER)) {
			throw error(operator, operator.shown() + "で比べられるのは数（年齢など）だけです。");
		}
		if (left.type() != right.type()) {
			throw error(rightToken, "型が合いません（" + describe(left.type()) + "と" + describe(right.type()) + "を比べています）。");
		}
		if (left.type() == Type.SYMBOL) {
			checkSymbol(left, right, rightToken);
			checkSymbol(right, left, rightToken);
		}
	}

	private void checkSymbol(Expr fact, Expr literal, Token at) {
		if (literal instanceof Node.Literal && !fact.symbols().isEmpty()
				&& !fact.symbols().contains((String) ((Node.Literal) literal).value())) {
			throw error(at, "「" + ((Node.Literal) literal).value() + "」はここで使える値ではありません（"
					+ String.join(", ", fact.symbols()) + "）。");
		}
	}

	private Expr primary() {
		Token token = next();
		switch (token.kind()) {
			case NUMBER:
				return new Node.Literal(Type.NUMBER, number(token));
			case TEXT:
				return new Node.Literal(Type.TEXT, token.text());
			case SYMBOL:
				if (token.is("(")) {
					Expr inner = expression();
					expect(")");
					return inner;
				}
				throw error(token, token.shown() + "の前に条件か値が必要です。");
			case END:
				throw error(token, "条件が途中で終わっています。");
			default:
				break;
		}
		String word = token.text();
		if (word.equals("true") || word.equals("false")) {
			return new Node.Literal(Type.BOOLEAN, Boolean.valueOf(word));
		}
		if (KEYWORDS.contains(word)) {
			throw error(token, token.shown() + "の前に条件が必要です。");
		}
		if (peek().is("(")) {
			return call(token);
		}
		Fact fact = FactCatalogue.fact(word);
		if (fact != null) {
			if (fact.scope() == Scope.HOUSEHOLD) {
				return new Node.HouseholdFact(word, fact.type(), fact.symbols());
			}
			if (!personScope) {
				throw error(token, token.shown() + "は人ごとの事実です。household の条件では any(…) か count(…) の中で使ってください。");
			}
			return new Node.PersonFact(word, fact.type(), fact.symbols());
		}
		if (Character.isUpperCase(word.charAt(0)) && isKnownSymbol(word)) {
			return new Node.Literal(Type.SYMBOL, word);
		}
		if (Character.isUpperCase(word.charAt(0))) {
			throw error(token, token.shown() + "という値はありません。");
		}
		throw error(token, token.shown() + "という事実はありません。" + suggestion(word));
	}

	private Expr call(Token name) {
		Function function = FactCatalogue.function(name.text());
		if (function == null) {
			throw error(name, name.shown() + "という関数はありません（reached, untilMarch31AfterAge, any, count）。");
		}
		expect("(");
		Expr result;
		if (function.takesCondition()) {
			if (insideOverPersons) {
				throw error(name, function.name() + "(…) の中で any(…) や count(…) は使えません。");
			}
			boolean outerScope = personScope;
			personScope = true;
			insideOverPersons = true;
			Token at = peek();
			Expr condition = expression();
			requireBoolean(condition, at);
			personScope = outerScope;
			insideOverPersons = false;
			result = new Node.OverPersons(function.name().equals("count"), condition);
		}
		else {
			if (!personScope) {
				throw error(name, function.name() + "(…) は人ごとの条件です。household の条件では any(…) の中で使ってください。");
			}
			Token argument = next();
			if (argument.kind() != Kind.NUMBER) {
				throw error(argument, function.name() + "(…) には年齢を数で書いてください（例: " + function.name() + "(65)）。");
			}
			long years = number(argument);
			if (years > 150) {
				throw error(argument, "年齢 " + years + " は大きすぎます。");
			}
			result = new Node.PersonFunction(function.name(), years);
		}
		expect(")");
		return result;
	}

	private static boolean isKnownSymbol(String word) {
		return FactCatalogue.facts().stream().anyMatch((fact) -> fact.symbols().contains(word));
	}

	private static String suggestion(String word) {
		for (Fact fact : FactCatalogue.facts()) {
			if (fact.name().equalsIgnoreCase(word)) {
				return "「" + fact.name() + "」のことですか。";
			}
		}
		return "使える事実は、規則の編集画面の一覧を見てください。";
	}

	private void requireBoolean(Expr expr, Token at) {
		if (expr.type() != Type.BOOLEAN) {
			throw error(at, "ここには「はい・いいえ」になる条件が必要です（" + describe(expr.type()) + "になっています）。");
		}
	}

	private static String describe(Type type) {
		return switch (type) {
			case BOOLEAN -> "条件";
			case NUMBER -> "数";
			case SYMBOL -> "区分の値";
			case TEXT -> "文字列";
		};
	}

	private static long number(Token token) {
		if (token.text().length() > 4) {
			throw error(token, "数 " + token.text() + " は大きすぎます。");
		}
		return Long.parseLong(token.text());
	}

	private static <E extends Enum<E>> @Nullable E enumValue(Class<E> type, Token token) {
		if (token.kind() != Kind.WORD) {
			return null;
		}
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(token.text())) {
				return value;
			}
		}
		return null;
	}

	private Token peek() {
		return tokens.get(position);
	}

	private Token next() {
		Token token = tokens.get(position);
		if (token.kind() != Kind.END) {
			position++;
		}
		return token;
	}

	private boolean accept(String symbol) {
		if (peek().is(symbol)) {
			next();
			return true;
		}
		return false;
	}

	private void expect(String symbol) {
		Token token = next();
		if (!token.is(symbol)) {
			throw error(token, token.shown() + "ではなく「" + symbol + "」が来るはずです。");
		}
	}

	private static RuleSyntaxException error(Token token, String reason) {
		return new RuleSyntaxException(token.line(), token.column(), reason);
	}

}
