package org.dsmastery.perf;

import java.time.Duration;

import org.dsmastery.snowflake.SnowflakeGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ids per second from one generator on one thread. The layout caps a worker at 4096 ids
 * per millisecond (4,096,000/s); a generator that reaches that cap spends the rest of
 * each millisecond waiting for the next one.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-XX:+UseSerialGC", "-Xmx512m" })
@Threads(1)
public class SnowflakeGeneratorBenchmark extends ThroughputBenchmark {

	static final int BATCH = 1000;

	private final SnowflakeGenerator generator = new SnowflakeGenerator(1, Duration.ofMillis(20));

	/**
	 * One id per call.
	 * @return the id
	 */
	@Benchmark
	public long single() {
		return this.generator.nextId();
	}

	/**
	 * A thousand ids per call, counted as a thousand operations.
	 * @return the ids
	 */
	@Benchmark
	@OperationsPerInvocation(BATCH)
	public long[] batch() {
		return this.generator.nextIds(BATCH);
	}

}
