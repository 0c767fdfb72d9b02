package org.dsmastery.saga.adapter.in.web;

import java.util.Arrays;
import java.util.List;

import org.dsmastery.saga.application.SagaService;
import org.dsmastery.saga.domain.SagaState;
import org.dsmastery.servicedefaults.web.InvalidFieldException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sagas API: one saga with its history, or the sagas in a state.
 */
@RestController
@RequestMapping("/api/sagas")
class SagaController {

	private static final int MAX_LIMIT = 500;

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
	List<SagaResponse.Summary> byState(@RequestParam String state, @RequestParam(defaultValue = "50") int limit) {
		SagaState wanted = Arrays.stream(SagaState.values())
			.filter((candidate) -> candidate.name().equalsIgnoreCase(state))
			.findFirst()
			.orElseThrow(
					() -> new InvalidFieldException("state", "must be one of " + Arrays.toString(SagaState.values())));
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return this.sagas.findByState(wanted, limit).stream().map(SagaResponse.Summary::of).toList();
	}

}
