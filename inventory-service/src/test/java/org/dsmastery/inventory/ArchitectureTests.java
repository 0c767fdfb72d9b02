package org.dsmastery.inventory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.dsmastery.testsupport.HouseRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.dsmastery.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule houseRules = HouseRules.forService("org.dsmastery.inventory");

	@ArchTest
	static final ArchRule domainIsPlainJava = noClasses().that()
		.resideInAPackage("org.dsmastery.inventory.domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "tools.jackson..", "com.fasterxml..", "org.apache.kafka..",
				"org.redisson..", "org.dsmastery.inventory.contracts..", "org.dsmastery.order.contracts..",
				"org.dsmastery.payment.contracts..", "org.dsmastery.inventory.application..",
				"org.dsmastery.inventory.adapter..")
		.as("domain/ has no Spring, Jackson, Kafka, Redis, contracts or outer layers");

	@ArchTest
	static final ArchRule applicationDoesNotKnowAdaptersOrTechnology = noClasses().that()
		.resideInAPackage("org.dsmastery.inventory.application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.dsmastery.inventory.adapter..", "org.dsmastery.inventory.contracts..",
				"org.dsmastery.order.contracts..", "org.dsmastery.payment.contracts..", "org.apache.kafka..",
				"org.redisson..", "org.springframework.data.redis..", "org.springframework.kafka..")
		.as("application/ knows neither adapters, wire contracts, Kafka nor Redis");

	@ArchTest
	static final ArchRule contractsStopAtTheMessagingAdapters = noClasses().that()
		.resideOutsideOfPackages("org.dsmastery.inventory.adapter.in.messaging..",
				"org.dsmastery.inventory.adapter.out.messaging..", "org.dsmastery.inventory.config..",
				"org.dsmastery.inventory.contracts..")
		.and()
		.resideInAPackage("org.dsmastery.inventory..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.dsmastery.inventory.contracts..", "org.dsmastery.order.contracts..",
				"org.dsmastery.payment.contracts..")
		.as("wire contracts are mapped in the messaging adapters and go no further");

}
