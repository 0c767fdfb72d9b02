package org.dsmastery.payment.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of payment-service, under {@code shop.payment}.
 *
 * @param defaultCreditCents the credit of an account opened by a customer's first
 * authorization
 * @param defaultCurrency the currency of new accounts
 * @param provider the payment provider client
 */
@ConfigurationProperties("shop.payment")
@Validated
public record PaymentProperties(@Min(0) @DefaultValue("100000") long defaultCreditCents,
		@NotBlank @DefaultValue("EUR") String defaultCurrency, @Valid @NotNull @DefaultValue Provider provider) {

	/**
	 * The payment provider client.
	 *
	 * @param url the provider's base URL; empty means this instance's own simulator
	 * ({@code http://127.0.0.1:<local.server.port>}, resolved at call time)
	 * @param timeout read timeout of one call
	 * @param maxAttempts attempts per authorization, the first included
	 * @param backoff wait before the first retry; doubled for each further one, with
	 * jitter
	 */
	public record Provider(@DefaultValue("") String url, @NotNull @DefaultValue("1s") Duration timeout,
			@Min(1) @DefaultValue("3") int maxAttempts, @NotNull @DefaultValue("100ms") Duration backoff) {
	}

}
