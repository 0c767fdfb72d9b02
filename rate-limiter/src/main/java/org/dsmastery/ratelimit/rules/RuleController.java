package org.dsmastery.ratelimit.rules;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dsmastery.ratelimiting.Algorithm;
import org.dsmastery.ratelimiting.KeyKind;
import org.dsmastery.ratelimiting.Limit;
import org.dsmastery.ratelimiting.Rule;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules API: read and change the limits at runtime.
 */
@RestController
class RuleController {

	private final RuleStore rules;

	RuleController(RuleStore rules) {
		this.rules = rules;
	}

	@GetMapping("/api/rate-limits/rules")
	Mono<List<RuleStore.RuleJson>> all() {
		return this.rules.all().map((all) -> all.stream().map(RuleStore.RuleJson::of).toList());
	}

	@PutMapping("/api/rate-limits/rules/{id}")
	Mono<RuleStore.RuleJson> save(@PathVariable String id, @Valid @RequestBody RuleRequest request) {
		if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
			return Mono.error(new IllegalArgumentException("a rule id is lower-case letters, digits and dashes"));
		}
		Rule rule = new Rule(id, request.route(), request.keyKind(), request.tier(),
				new Limit(request.algorithm(), request.capacity(), request.ratePerSecond()));
		return this.rules.save(rule).map(RuleStore.RuleJson::of);
	}

	@DeleteMapping("/api/rate-limits/rules/{id}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return this.rules.delete(id)
			.map((deleted) -> deleted ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build());
	}

	record RuleRequest(@NotBlank @Size(max = 100) String route, @NotNull KeyKind keyKind,
			@NotBlank @Pattern(regexp = "\\*|[a-z0-9-]{1,50}") String tier, @NotNull Algorithm algorithm,
			@NotNull @Min(1) @Max(1_000_000) Long capacity,
			@NotNull @DecimalMin(value = "0.001") @DecimalMax("1000000") Double ratePerSecond) {
	}

}
