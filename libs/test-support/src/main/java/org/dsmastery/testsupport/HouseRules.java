package org.dsmastery.testsupport;

import java.util.List;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

/**
 * ArchUnit rules every service checks against its own classes (see STYLE.md).
 *
 * <pre class="code">
 * &#64;AnalyzeClasses(packages = "org.dsmastery.idgen", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTests {
 *     &#64;ArchTest
 *     static final ArchRule houseRules = HouseRules.forService("org.dsmastery.idgen");
 * }
 * </pre>
 */
public final class HouseRules {

	private static final List<String> SERVICE_PACKAGES = List.of("org.dsmastery.order", "org.dsmastery.payment",
			"org.dsmastery.inventory", "org.dsmastery.saga", "org.dsmastery.idgen", "org.dsmastery.ratelimit",
			"org.dsmastery.gateway", "org.dsmastery.discovery");

	/** Wire contracts: the one part of another service that a service may use. */
	private static final String CONTRACTS = "org.dsmastery.*.contracts..";

	private HouseRules() {
	}

	/**
	 * Constructor injection only, logging through SLF4J, and no reaching into another
	 * service's packages.
	 * @param servicePackage the service's base package, such as
	 * {@code org.dsmastery.idgen}
	 * @return the combined rule
	 */
	public static ArchRule forService(String servicePackage) {
		String[] others = SERVICE_PACKAGES.stream()
			.filter((candidate) -> !candidate.equals(servicePackage))
			.map((other) -> other + "..")
			.toArray(String[]::new);
		ArchRule isolated = noClasses().should()
			.dependOnClassesThat(resideInAnyPackage(others).and(not(resideInAPackage(CONTRACTS))))
			.as("no class of " + servicePackage + " depends on another service's classes (its contracts are fine)");
		return CompositeArchRule.of(NO_CLASSES_SHOULD_USE_FIELD_INJECTION)
			.and(NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS)
			.and(NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING)
			.and(isolated)
			.allowEmptyShould(true);
	}

}
