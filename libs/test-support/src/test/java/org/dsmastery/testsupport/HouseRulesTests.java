package org.dsmastery.testsupport;

import java.util.function.Function;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each rule of {@link HouseRules} against two fixture services:
 * {@code org.dsmastery.tidy} keeps every rule, {@code org.dsmastery.tangled} breaks each
 * once.
 */
class HouseRulesTests {

	private static final JavaClasses TIDY = new ClassFileImporter().importPackages("org.dsmastery.tidy");

	private static final JavaClasses TANGLED = new ClassFileImporter().importPackages("org.dsmastery.tangled");

	static Stream<Arguments> rules() {
		return Stream.of(arguments("domain is plain Java", rule(HouseRules::domainIsPlainJava),
				"tangled.domain.Widget.<init>(java.lang.String)> calls method <org.springframework.util.Assert"),
				arguments("application knows no adapter", rule(HouseRules::applicationKnowsNoAdapterNorTechnology),
						"tangled.application.WidgetService.widgets> has type <org.dsmastery.tangled.adapter"),
				arguments("adapters stay apart", rule(HouseRules::adaptersStayApart),
						"tangled.adapter.in.web.WidgetController.widgets> has type <org.dsmastery.tangled.adapter.out"),
				arguments("adapters do not reach into config", rule(HouseRules::adaptersDoNotReachIntoConfig),
						"tangled.adapter.out.persistence.JdbcWidgets.properties> has type <org.dsmastery.tangled.config"),
				arguments("contracts stop at the messaging adapters",
						rule(HouseRules::contractsStopAtTheMessagingAdapters),
						"tangled.adapter.in.web.WidgetController.post(java.lang.String)> has return type <org.dsmastery.tidy.contracts"),
				arguments("free of cycles", rule(HouseRules::freeOfCycles), "Cycle detected"),
				arguments("the hexagon", rule(HouseRules::hexagon), "tangled.domain.Widget"),
				arguments("the service's house rules", rule(HouseRules::forService), "Cycle detected"));
	}

	private static Function<String, ArchRule> rule(Function<String, ArchRule> rule) {
		return rule;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void reportsTheClassThatBreaksIt(String name, Function<String, ArchRule> rule, String violation) {
		EvaluationResult result = rule.apply("org.dsmastery.tangled").evaluate(TANGLED);

		assertThat(result.getFailureReport().getDetails()).anyMatch((detail) -> detail.contains(violation));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void passesAServiceThatKeepsIt(String name, Function<String, ArchRule> rule, String violation) {
		EvaluationResult result = rule.apply("org.dsmastery.tidy").evaluate(TIDY);

		assertThat(result.getFailureReport().getDetails()).isEmpty();
	}

	@Test
	void judgesOnlyTheClassesOfItsOwnService() {
		EvaluationResult result = HouseRules.hexagon("org.dsmastery.tidy")
			.evaluate(new ClassFileImporter().importPackages("org.dsmastery.tidy", "org.dsmastery.tangled"));

		assertThat(result.getFailureReport().getDetails()).isEmpty();
	}

}
