package org.dsmastery.saga;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.dsmastery.testsupport.HouseRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.dsmastery.saga", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule houseRules = HouseRules.forService("org.dsmastery.saga");

	@ArchTest
	static final ArchRule domainIsPlainJava = noClasses().that()
		.resideInAPackage("org.dsmastery.saga.domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "tools.jackson..", "com.fasterxml..", "org.apache.kafka..",
				"org.dsmastery.*.contracts..", "org.dsmastery.saga.application..", "org.dsmastery.saga.adapter..")
		.as("domain/ has no Spring, Jackson, Kafka, contracts or outer layers");

	@ArchTest
	static final ArchRule applicationDoesNotKnowAdapters = noClasses().that()
		.resideInAPackage("org.dsmastery.saga.application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.dsmastery.saga.adapter..", "org.dsmastery.*.contracts..")
		.as("application/ knows neither adapters nor wire contracts");

}
