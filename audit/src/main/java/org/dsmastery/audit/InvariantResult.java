package org.dsmastery.audit;

import java.util.List;

/**
 * The verdict on one invariant.
 *
 * @param number the invariant's number in ARCHITECTURE.md
 * @param name what it says, in a few words
 * @param offenders the ids (orders, SKUs, customers, consumer groups) that break it, each
 * with why; empty when it holds
 */
public record InvariantResult(int number, String name, List<String> offenders) {

	public InvariantResult {
		offenders = List.copyOf(offenders);
	}

	/**
	 * Whether the invariant holds.
	 * @return {@code true} if nothing breaks it
	 */
	public boolean passed() {
		return this.offenders.isEmpty();
	}

	@Override
	public String toString() {
		String verdict = passed() ? "PASS" : "FAIL";
		StringBuilder line = new StringBuilder(verdict).append("  ").append(this.number).append(". ").append(this.name);
		int shown = 0;
		for (String offender : this.offenders) {
			if (shown++ == 20) {
				line.append("\n        ... and ").append(this.offenders.size() - 20).append(" more");
				break;
			}
			line.append("\n        ").append(offender);
		}
		return line.toString();
	}

}
