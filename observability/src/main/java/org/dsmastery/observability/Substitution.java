package org.dsmastery.observability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Turns a dashboard query into one Prometheus can run by itself, the way Grafana would
 * with the widest selection: a template variable inside a label matcher becomes
 * {@code .*} (an equality matcher becomes a regex one, so {@code service="$service"}
 * reads {@code service=~".*"}); anywhere else it becomes the variable's current or first
 * value. Grafana's own interval variables ({@code $__rate_interval}, {@code $__interval},
 * {@code $__range}) become fixed durations.
 */
public final class Substitution {

	/** A label matcher: {@code label op "value"}. */
	private static final Pattern MATCHER = Pattern
		.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final List<Variable> variables;

	private final String rateInterval;

	private final String range;

	/**
	 * Creates a substitution.
	 * @param variables the dashboard's template variables (entries of
	 * {@code templating.list})
	 * @param rateInterval what {@code $__rate_interval} and {@code $__interval} become,
	 * such as {@code 1m}
	 * @param range what {@code $__range} becomes, such as {@code 5m}
	 */
	public Substitution(List<JsonNode> variables, String rateInterval, String range) {
		List<Variable> all = new ArrayList<>();
		for (JsonNode variable : variables) {
			String name = Dashboard.text(variable.path("name"));
			if (!name.isEmpty()) {
				all.add(new Variable(name, defaultValue(variable)));
			}
		}
		// longest first, so $service_x is never read as $service followed by _x
		all.sort(Comparator.comparingInt((Variable v) -> v.name().length()).reversed());
		this.variables = List.copyOf(all);
		this.rateInterval = Objects.requireNonNull(rateInterval);
		this.range = Objects.requireNonNull(range);
	}

	/**
	 * Substitutes every variable in a query.
	 * @param expr a dashboard query
	 * @return the query Prometheus can run
	 */
	public String apply(String expr) {
		String result = replaceBuiltIn(expr, "__rate_interval", this.rateInterval);
		result = replaceBuiltIn(result, "__interval", this.rateInterval);
		result = replaceBuiltIn(result, "__range", this.range);
		Matcher matcher = MATCHER.matcher(result);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = matcher.group(3);
			String replaced = value;
			for (Variable variable : this.variables) {
				replaced = variable.reference().matcher(replaced).replaceAll(Matcher.quoteReplacement(".*"));
			}
			String operator = matcher.group(2);
			if (!replaced.equals(value)) {
				operator = switch (operator) {
					case "=" -> "=~";
					case "!=" -> "!~";
					default -> operator;
				};
			}
			matcher.appendReplacement(out,
					Matcher.quoteReplacement(matcher.group(1) + operator + "\"" + replaced + "\""));
		}
		matcher.appendTail(out);
		result = out.toString();
		for (Variable variable : this.variables) {
			result = variable.reference().matcher(result).replaceAll(Matcher.quoteReplacement(variable.value()));
		}
		return result;
	}

	private static String replaceBuiltIn(String expr, String name, String value) {
		return reference(name).matcher(expr).replaceAll(Matcher.quoteReplacement(value));
	}

	/** {@code $name}, {@code ${name}}, {@code ${name:format}} or {@code [[name]]}. */
	private static Pattern reference(String name) {
		String quoted = Pattern.quote(name);
		return Pattern.compile("\\$" + quoted + "(?![A-Za-z0-9_])|\\$\\{" + quoted + "(?::[^}]*)?\\}|\\[\\[" + quoted
				+ "(?::[^\\]]*)?\\]\\]");
	}

	/**
	 * The value a variable takes outside a label matcher: its current value unless that
	 * is "All", else its first option, else the first item of a custom list, else
	 * {@code .*}.
	 */
	private static String defaultValue(JsonNode variable) {
		JsonNode current = variable.path("current").path("value");
		if (current.isArray() && current.size() == 1) {
			current = current.get(0);
		}
		String value = Dashboard.text(current);
		if (!value.isEmpty() && !"$__all".equals(value)) {
			return value;
		}
		for (JsonNode option : variable.path("options").values()) {
			String optionValue = Dashboard.text(option.path("value"));
			if (!optionValue.isEmpty() && !"$__all".equals(optionValue)) {
				return optionValue;
			}
		}
		if ("custom".equals(Dashboard.text(variable.path("type")))) {
			String first = Dashboard.text(variable.path("query")).split(",")[0].strip();
			if (!first.isEmpty()) {
				return first;
			}
		}
		return ".*";
	}

	private record Variable(String name, String value, Pattern reference) {

		Variable(String name, String value) {
			this(name, value, Substitution.reference(name));
		}

	}

}
