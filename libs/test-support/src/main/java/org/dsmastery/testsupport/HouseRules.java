package org.dsmastery.testsupport;

import java.util.Arrays;
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
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * ArchUnit rules every service checks against its own classes (see STYLE.md): the house
 * rules for every service, and the hexagon's layering for the domain services.
 *
 * <pre class="code">
 * &#64;AnalyzeClasses(packages = "org.dsmastery.order", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTests {
 *     &#64;ArchTest
 *     static final ArchRule domainService = HouseRules.domainService("org.dsmastery.order");
 * }
 * </pre>
 */
public final class HouseRules {

	private static final List<String> SERVICE_PACKAGES = List.of("org.dsmastery.order", "org.dsmastery.payment",
			"org.dsmastery.inventory", "org.dsmastery.saga", "org.dsmastery.idgen", "org.dsmastery.ratelimit",
			"org.dsmastery.gateway", "org.dsmastery.discovery", "org.dsmastery.identity");

	/** Wire contracts: the one part of another service that a service may use. */
	private static final String CONTRACTS = "org.dsmastery.*.contracts..";

	private static final String[] KAFKA = { "org.apache.kafka..", "org.springframework.kafka.." };

	private static final String[] REDIS = { "org.redisson..", "io.lettuce..", "redis.clients..",
			"org.springframework.data.redis.." };

	private HouseRules() {
	}

	/**
	 * Constructor injection only, logging through SLF4J, no reaching into another
	 * service's packages, and no package cycles.
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
			.and(freeOfCycles(servicePackage))
			.allowEmptyShould(true);
	}

	/**
	 * Every rule of a domain service: the {@linkplain #forService house rules} and its
	 * {@linkplain #hexagon hexagon}.
	 * @param servicePackage the service's base package, such as
	 * {@code org.dsmastery.order}
	 * @return the combined rule
	 */
	public static ArchRule domainService(String servicePackage) {
		return CompositeArchRule.of(forService(servicePackage)).and(hexagon(servicePackage));
	}

	/**
	 * The light hexagon of a domain service: {@code domain/} is plain Java,
	 * {@code application/} knows the domain but no adapter or technology, adapters of
	 * different kinds stay apart and never reach into {@code config/}, and wire contracts
	 * go no further than the messaging adapters and the configuration that wires their
	 * topics.
	 * @param servicePackage the service's base package, such as
	 * {@code org.dsmastery.order}
	 * @return the combined rule
	 */
	public static ArchRule hexagon(String servicePackage) {
		return CompositeArchRule.of(domainIsPlainJava(servicePackage))
			.and(applicationKnowsNoAdapterNorTechnology(servicePackage))
			.and(adaptersStayApart(servicePackage))
			.and(adaptersDoNotReachIntoConfig(servicePackage))
			.and(contractsStopAtTheMessagingAdapters(servicePackage));
	}

	static ArchRule domainIsPlainJava(String servicePackage) {
		return noClasses().that()
			.resideInAPackage(servicePackage + ".domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(concat(new String[] { "org.springframework..", "tools.jackson..", "com.fasterxml..",
					CONTRACTS, servicePackage + ".application..", servicePackage + ".adapter..",
					servicePackage + ".config.." }, KAFKA, REDIS))
			.as("domain/ has no Spring, Jackson, Kafka, Redis, contracts or outer layers");
	}

	static ArchRule applicationKnowsNoAdapterNorTechnology(String servicePackage) {
		return noClasses().that()
			.resideInAPackage(servicePackage + ".application..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(
					concat(new String[] { CONTRACTS, servicePackage + ".adapter..", servicePackage + ".config.." },
							KAFKA, REDIS))
			.as("application/ knows neither adapters, configuration, wire contracts, Kafka nor Redis");
	}

	static ArchRule adaptersStayApart(String servicePackage) {
		return slices().matching(servicePackage + ".adapter.(*).(*)..")
			.namingSlices("adapter/$1/$2")
			.should()
			.notDependOnEachOther()
			.allowEmptyShould(true)
			.as("adapters of different kinds (in/web, in/messaging, out/persistence, ...) do not use each other");
	}

	static ArchRule adaptersDoNotReachIntoConfig(String servicePackage) {
		return noClasses().that()
			.resideInAPackage(servicePackage + ".adapter..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(servicePackage + ".config..")
			.as("adapters are given their settings; they do not reach into config/");
	}

	static ArchRule contractsStopAtTheMessagingAdapters(String servicePackage) {
		return noClasses().that()
			.resideInAPackage(servicePackage + "..")
			.and()
			.resideOutsideOfPackages(CONTRACTS, servicePackage + ".adapter.in.messaging..",
					servicePackage + ".adapter.out.messaging..", servicePackage + ".config..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(CONTRACTS)
			.as("wire contracts are mapped in the messaging adapters (and name topics in config/), no further");
	}

	static ArchRule freeOfCycles(String servicePackage) {
		return slices().matching(servicePackage + ".(*)..")
			.should()
			.beFreeOfCycles()
			.allowEmptyShould(true)
			.as("the packages of " + servicePackage + " are free of cycles");
	}

	private static String[] concat(String[]... groups) {
		return Arrays.stream(groups).flatMap(Arrays::stream).toArray(String[]::new);
	}

}
