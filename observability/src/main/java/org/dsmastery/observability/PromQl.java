package org.dsmastery.observability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small reader of PromQL expressions that finds the names they depend on: the series
 * each selector names with the labels it matches on, and the labels the expression groups
 * or matches by ({@code by}, {@code without}, {@code on}, {@code ignoring},
 * {@code group_left}, {@code group_right}). It does not evaluate or fully validate:
 * {@code promtool} does that.
 */
public final class PromQl {

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan", "atan2", "sum", "min", "max", "avg", "group",
			"stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile");

	private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right");

	private PromQl() {
	}

	/**
	 * A vector selector: {@code name{label="value", ...}}.
	 *
	 * @param metric the series name
	 * @param labels the labels its matchers name
	 */
	public record Selector(String metric, Set<String> labels) {
	}

	/**
	 * What an expression depends on.
	 *
	 * @param selectors every vector selector, in order
	 * @param groupingLabels every label named in a {@code by}, {@code without},
	 * {@code on}, {@code ignoring}, {@code group_left} or {@code group_right} list
	 */
	public record Names(List<Selector> selectors, Set<String> groupingLabels) {

		/**
		 * Returns the series names the expression reads.
		 * @return the metric names, in order of first use
		 */
		public Set<String> metrics() {
			Set<String> metrics = new LinkedHashSet<>();
			this.selectors.forEach((selector) -> metrics.add(selector.metric()));
			return metrics;
		}

	}

	/**
	 * Reads the names an expression depends on.
	 * @param expr a PromQL expression
	 * @return its selectors and grouping labels
	 * @throws IllegalArgumentException when a string, brace or bracket is not closed, or
	 * a selector has no metric name
	 */
	public static Names names(String expr) {
		List<Selector> selectors = new ArrayList<>();
		Set<String> grouping = new LinkedHashSet<>();
		int i = 0;
		int n = expr.length();
		while (i < n) {
			char c = expr.charAt(i);
			if (c == '"' || c == '\'' || c == '`') {
				i = endOfString(expr, i);
			}
			else if (c == '[') {
				i = closing(expr, i, '[', ']');
			}
			else if (c == '{') {
				throw new IllegalArgumentException("a selector without a metric name at " + i + ": " + expr);
			}
			else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
				while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
					i++;
				}
			}
			else if (isIdentifierStart(c)) {
				int start = i;
				while (i < n && isIdentifierPart(expr.charAt(i))) {
					i++;
				}
				String word = expr.substring(start, i);
				int next = skipSpaces(expr, i);
				if (LABEL_LISTS.contains(word)) {
					if (next < n && expr.charAt(next) == '(') {
						int end = closing(expr, next, '(', ')');
						for (String label : expr.substring(next + 1, end - 1).split(",")) {
							if (!label.isBlank()) {
								grouping.add(label.strip());
							}
						}
						i = end;
					}
				}
				else if (KEYWORDS.contains(word) || (next < n && expr.charAt(next) == '(')) {
					// an operator, an aggregation or a function: not a series
				}
				else if (next < n && expr.charAt(next) == '{') {
					int end = closing(expr, next, '{', '}');
					selectors.add(new Selector(word, matcherLabels(expr.substring(next + 1, end - 1))));
					i = end;
				}
				else {
					selectors.add(new Selector(word, Set.of()));
				}
			}
			else {
				i++;
			}
		}
		return new Names(List.copyOf(selectors), grouping);
	}

	private static Set<String> matcherLabels(String matchers) {
		Set<String> labels = new LinkedHashSet<>();
		int i = 0;
		int n = matchers.length();
		while (i < n) {
			char c = matchers.charAt(i);
			if (c == '"' || c == '\'' || c == '`') {
				i = endOfString(matchers, i);
			}
			else if (isIdentifierStart(c)) {
				int start = i;
				while (i < n && isIdentifierPart(matchers.charAt(i))) {
					i++;
				}
				labels.add(matchers.substring(start, i));
			}
			else {
				i++;
			}
		}
		return labels;
	}

	private static int endOfString(String text, int open) {
		char quote = text.charAt(open);
		for (int i = open + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && quote != '`') {
				i++;
			}
			else if (c == quote) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException("a string that is not closed at " + open + ": " + text);
	}

	private static int closing(String text, int open, char opening, char close) {
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\'' || c == '`') {
				i = endOfString(text, i) - 1;
			}
			else if (c == opening) {
				depth++;
			}
			else if (c == close && --depth == 0) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException("'" + opening + "' at " + open + " is not closed: " + text);
	}

	private static int skipSpaces(String text, int from) {
		int i = from;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
	}

	private static boolean isIdentifierPart(char c) {
		return isIdentifierStart(c) || (c >= '0' && c <= '9');
	}

}
