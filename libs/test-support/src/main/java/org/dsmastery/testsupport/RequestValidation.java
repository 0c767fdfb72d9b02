package org.dsmastery.testsupport;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's request records and controllers read by Hibernate Validator as the service
 * reads them, with the validator's log captured: a deprecated {@code @Valid} on a
 * container (HV000271 / HV000272) shows up only as a WARN line there, at the first
 * request.
 */
public final class RequestValidation {

	private RequestValidation() {
	}

	/**
	 * Reads the constraints of each type, then validates a request, and asserts that the
	 * validator warned of no deprecated constraint meanwhile.
	 * @param request a request to validate
	 * @param types the request records, controllers and properties to read first
	 * @return the property paths of the request's violations
	 */
	public static List<String> violationsWithoutDeprecationWarning(Object request, Class<?>... types) {
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		Logger validatorLog = (Logger) LoggerFactory.getLogger("org.hibernate.validator");
		log.start();
		validatorLog.addAppender(log);
		List<String> violations;
		try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
			Validator validator = factory.getValidator();
			for (Class<?> type : types) {
				validator.getConstraintsForClass(type);
			}
			violations = validator.validate(request)
				.stream()
				.map((violation) -> violation.getPropertyPath().toString())
				.toList();
		}
		finally {
			validatorLog.detachAppender(log);
		}
		assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
			.noneMatch((message) -> message.contains("HV000271") || message.contains("HV000272"));
		return violations;
	}

}
