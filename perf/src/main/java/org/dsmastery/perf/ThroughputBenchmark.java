package org.dsmastery.perf;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What the throughput benchmarks of perf share (JMH reads these annotations from the
 * superclass): operations per second, in one forked JVM with the serial collector the
 * services run with, on state the benchmark's threads share. A benchmark sets its own
 * warm-up, measurement and threads, and its own {@code @Fork} where 256 MB of heap is not
 * enough.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-XX:+UseSerialGC", "-Xmx256m" })
public abstract class ThroughputBenchmark {

}
