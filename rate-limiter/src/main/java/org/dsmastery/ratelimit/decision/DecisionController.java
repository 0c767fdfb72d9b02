package org.dsmastery.ratelimit.decision;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decision API the gateway calls before routing a request.
 */
@RestController
class DecisionController {

	private final DecisionService decisions;

	DecisionController(DecisionService decisions) {
		this.decisions = decisions;
	}

	@PostMapping("/api/rate-limits/decisions")
	Mono<DecisionResponse> decide(@Valid @RequestBody DecisionRequest request) {
		return this.decisions.decide(request);
	}

	@PostMapping("/api/rate-limits/decisions/batch")
	Mono<BatchResponse> decideAll(@Valid @RequestBody BatchRequest request) {
		return this.decisions.decideAll(request.requests()).collectList().map(BatchResponse::new);
	}

	record BatchRequest(@NotNull @Size(min = 1, max = 100) List<@Valid @NotNull DecisionRequest> requests) {
	}

	record BatchResponse(List<DecisionResponse> decisions) {
	}

}
