package org.dsmastery.payment.contracts.v1;

import java.util.List;

import org.dsmastery.contracts.testing.WireContractsTests;

/**
 * The payment contracts' golden examples round-trip, and their wire names are these,
 * written out: a consumer matches exactly these strings.
 */
class PaymentContractsTests extends WireContractsTests {

	PaymentContractsTests() {
		super(PaymentContracts.EVENTS, PaymentContracts.COMMANDS, PaymentContracts::typeOf,
				PaymentContracts::goldenExample,
				List.of("PaymentAuthorized", "PaymentDeclined", "PaymentVoided", "PaymentCaptured"),
				List.of("AuthorizePayment", "VoidPayment"));
	}

}
