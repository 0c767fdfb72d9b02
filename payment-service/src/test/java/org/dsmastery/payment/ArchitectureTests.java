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
	static final ArchRule domainService = HouseRules.domainService("org.dsmastery.payment");

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
