package org.dsmastery.audit;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.dsmastery.topology.PlatformTokens;
import org.dsmastery.topology.Topology;

/**
 * {@code ./platform audit}: audits the running platform and prints PASS or FAIL per
 * invariant with the offending ids. Exits 0 when all pass, 1 when one fails, 2 when a
 * source does not answer.
 * <p>
 * Argument: how long to wait for the platform to come to rest, in seconds (default 30).
 */
public final class AuditMain {

	private AuditMain() {
	}

	public static void main(String[] args) {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		Duration patience = Duration.ofSeconds((args.length > 0) ? Long.parseLong(args[0]) : 30);
		try {
			AuditReport report = new InvariantAudit(AuditTargets.of(Topology.local(), PlatformTokens.localState()),
					PlatformTokens.local()::admin)
				.awaitPassing(patience);
			out.println(report);
			out.println(report.passed() ? "all invariants hold" : "an invariant is broken");
			System.exit(report.passed() ? 0 : 1);
		}
		catch (AuditException ex) {
			out.println("audit impossible: " + ex.getMessage());
			System.exit(2);
		}
	}

}
