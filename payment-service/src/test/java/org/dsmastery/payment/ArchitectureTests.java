package org.dsmastery.payment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.dsmastery.testsupport.HouseRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.dsmastery.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule houseRules = HouseRules.forService("org.dsmastery.payment");

	@ArchTest
	static final ArchRule domainIsPlainJava = noClasses().that()
		.resideInAPackage("org.dsmastery.payment.domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "tools.jackson..", "com.fasterxml..", "org.apache.kafka..",
				"org.dsmastery.payment.contracts..", "org.dsmastery.order.contracts..",
				"org.dsmastery.inventory.contracts..", "org.dsmastery.payment.application..",
				"org.dsmastery.payment.adapter..", "org.dsmastery.payment.simulator..")
		.as("domain/ has no Spring, Jackson, Kafka, contracts or outer layers");

	@ArchTest
	static final ArchRule applicationDoesNotKnowAdapters = noClasses().that()
		.resideInAPackage("org.dsmastery.payment.application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.dsmastery.payment.adapter..", "org.dsmastery.payment.simulator..",
				"org.dsmastery.payment.config..", "org.dsmastery.payment.contracts..",
				"org.dsmastery.order.contracts..", "org.dsmastery.inventory.contracts..")
		.as("application/ knows neither adapters, the simulator nor wire contracts");

	@ArchTest
	static final ArchRule theSimulatorIsReachedOnlyOverHttp = noClasses().that()
		.resideOutsideOfPackage("org.dsmastery.payment.simulator..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.dsmastery.payment.simulator..")
		.as("the simulated payment provider is an external system: nothing calls into it but HTTP");

	@ArchTest
	static final ArchRule theSimulatorKnowsNothingOfPayments = noClasses().that()
		.resideInAPackage("org.dsmastery.payment.simulator..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.dsmastery.payment.domain..", "org.dsmastery.payment.application..",
				"org.dsmastery.payment.adapter..", "org.dsmastery.payment.config..")
		.as("the simulated payment provider knows nothing of payment-service");

}
