package org.dsmastery.inventory.adapter.in.web;

import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.dsmastery.inventory.config.InventoryProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request records' constraints, read by Hibernate Validator as the service reads
 * them, with its log captured: a deprecated {@code @Valid} on a container (HV000271 /
 * HV000272) shows up as a WARN line there, at the first request.
 */
class RequestValidationTests {

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final Logger validatorLog = (Logger) LoggerFactory.getLogger("org.hibernate.validator");

	@BeforeEach
	void captureLog() {
		this.log.start();
		this.validatorLog.addAppender(this.log);
	}

	@AfterEach
	void releaseLog() {
		this.validatorLog.detachAppender(this.log);
	}

	@Test
	void readsTheRequestsAndControllersWithoutADeprecationWarning() {
		try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
			Validator validator = factory.getValidator();
			for (Class<?> type : List.of(ProductController.ProductRequest.class, ProductController.RestockRequest.class,
					ProductController.class, StockAuditController.class, InventoryProperties.class)) {
				validator.getConstraintsForClass(type);
			}

			Set<ConstraintViolation<ProductController.ProductRequest>> violations = validator
				.validate(new ProductController.ProductRequest("n".repeat(201), 1L, "EURO"));

			assertThat(violations).extracting((violation) -> violation.getPropertyPath().toString())
				.containsExactlyInAnyOrder("name", "currency");
		}
		assertThat(this.log.list).extracting(ILoggingEvent::getFormattedMessage)
			.noneMatch((message) -> message.contains("HV000271") || message.contains("HV000272"));
	}

}
