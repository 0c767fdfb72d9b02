package org.dsmastery.saga.adapter.in.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.dsmastery.saga.application.SagaPosition;
import org.dsmastery.saga.application.SagaService;
import org.dsmastery.saga.application.SagaView;
import org.dsmastery.saga.domain.SagaState;
import org.dsmastery.servicedefaults.web.InvalidFieldException;
import org.dsmastery.servicedefaults.web.paging.Cursors;
import org.dsmastery.servicedefaults.web.paging.InvalidCursorException;
import org.dsmastery.servicedefaults.web.paging.PageResponse;
import org.dsmastery.servicedefaults.web.paging.Paging;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The sagas API: one saga with its history, or the sagas newest first, a page at a time
 * (docs/patterns/pagination.md), all of them or those in one state.
 */
@RestController
@RequestMapping("/api/sagas")
class SagaController {

	/** The list's name in its cursors. */
	private static final String SAGAS = "sagas";

	private static final String ALL = "ALL";

	private final SagaService sagas;

	SagaController(SagaService sagas) {
		this.sagas = sagas;
	}

	@GetMapping("/{sagaId}")
	SagaResponse get(@PathVariable long sagaId) {
		return this.sagas.find(sagaId)
			.map((saga) -> SagaResponse.of(saga, this.sagas.history(sagaId)))
			.orElseThrow(() -> new SagaNotFoundException(sagaId));
	}

	@GetMapping
	ResponseEntity<PageResponse<SagaResponse.Summary>> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) String size, @RequestParam(required = false) String cursor) {
		SagaState wanted = (state != null) ? state(state) : null;
		int pageSize = Paging.size(size);
		String filter = (wanted != null) ? wanted.name() : ALL;
		SagaPosition after = (cursor != null) ? position(filter, cursor) : null;
		UriComponentsBuilder self = UriComponentsBuilder.fromPath("/api/sagas");
		if (wanted != null) {
			self.queryParam("state", wanted.name());
		}
		return Paging.page(this.sagas.page(wanted, after, pageSize + 1), pageSize, (saga) -> cursor(filter, saga),
				SagaResponse.Summary::of, self);
	}

	private static SagaState state(String state) {
		return Arrays.stream(SagaState.values())
			.filter((candidate) -> candidate.name().equalsIgnoreCase(state))
			.findFirst()
			.orElseThrow(
					() -> new InvalidFieldException("state", "must be one of " + Arrays.toString(SagaState.values())));
	}

	/**
	 * A cursor names the filter, so a cursor of one state's list is refused for another.
	 */
	private static String cursor(String filter, SagaView saga) {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, saga.startedAt());
		return Cursors.encode(SAGAS, filter, Long.toString(micros), Long.toString(saga.orderId()));
	}

	private static SagaPosition position(String filter, String cursor) {
		List<String> key = Cursors.decode(SAGAS, cursor, 3);
		if (!key.get(0).equals(filter)) {
			throw new InvalidCursorException("the cursor pages another state's sagas");
		}
		try {
			return new SagaPosition(Instant.EPOCH.plus(Long.parseLong(key.get(1)), ChronoUnit.MICROS),
					Long.parseLong(key.get(2)));
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new InvalidCursorException("the cursor is not one this list issued");
		}
	}

}
