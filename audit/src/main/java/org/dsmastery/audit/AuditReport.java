package org.dsmastery.audit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The audit's verdict on every invariant.
 *
 * @param results one result per invariant, in order
 */
public record AuditReport(List<InvariantResult> results) {

	public AuditReport {
		results = List.copyOf(results);
	}

	/**
	 * Whether every invariant holds.
	 * @return {@code true} if all pass
	 */
	public boolean passed() {
		return this.results.stream().allMatch(InvariantResult::passed);
	}

	@Override
	public String toString() {
		return this.results.stream().map(InvariantResult::toString).collect(Collectors.joining("\n"));
	}

}
