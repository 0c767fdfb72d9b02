package org.dsmastery.ratelimit.rules;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.dsmastery.ratelimiting.KeyKind;
import org.dsmastery.ratelimiting.TierAssignment;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tier registry: which tier a caller is in, changeable at runtime. A caller's tier
 * decides which rules apply to it, so it comes from here and never from the caller's own
 * request.
 */
@RestController
class TierController {

	private final RuleStore rules;

	TierController(RuleStore rules) {
		this.rules = rules;
	}

	@GetMapping("/api/rate-limits/tiers")
	Mono<List<TierAssignment>> all() {
		return this.rules.tiers();
	}

	@GetMapping("/api/rate-limits/tiers/{keyKind}/{key}")
	TierAssignment one(@PathVariable KeyKind keyKind, @PathVariable String key) {
		return new TierAssignment(keyKind, checked(key), this.rules.tierOf(keyKind, key));
	}

	@PutMapping("/api/rate-limits/tiers/{keyKind}/{key}")
	Mono<TierAssignment> assign(@PathVariable KeyKind keyKind, @PathVariable String key,
			@Valid @RequestBody TierRequest request) {
		return this.rules.assign(new TierAssignment(keyKind, checked(key), request.tier()));
	}

	@DeleteMapping("/api/rate-limits/tiers/{keyKind}/{key}")
	Mono<ResponseEntity<Void>> unassign(@PathVariable KeyKind keyKind, @PathVariable String key) {
		return this.rules.unassign(keyKind, checked(key))
			.map((removed) -> removed ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build());
	}

	private static String checked(String key) {
		if (key.isBlank() || key.length() > 200) {
			throw new IllegalArgumentException("a key is 1 to 200 characters");
		}
		return key;
	}

	record TierRequest(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,50}") String tier) {
	}

}
