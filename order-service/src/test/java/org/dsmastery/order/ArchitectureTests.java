package org.dsmastery.order;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.dsmastery.testsupport.HouseRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.dsmastery.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule houseRules = HouseRules.forService("org.dsmastery.order");

	@ArchTest
	static final ArchRule domainIsPlainJava = noClasses().that()
		.resideInAPackage("org.dsmastery.order.domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "tools.jackson..", "com.fasterxml..", "org.apache.kafka..",
				"org.dsmastery.order.contracts..", "org.dsmastery.order.application..", "org.dsmastery.order.adapter..")
		.as("domain/ has no Spring, Jackson, Kafka, contracts or outer layers");

	@ArchTest
	static final ArchRule applicationDoesNotKnowAdapters = noClasses().that()
		.resideInAPackage("org.dsmastery.order.application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.dsmastery.order.adapter..", "org.dsmastery.order.contracts..")
		.as("application/ knows neither adapters nor wire contracts");

}
