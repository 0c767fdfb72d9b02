package org.dsmastery.e2e;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The platform's log files, read from a mark on: the WARN and ERROR lines a run printed
 * that {@code docs/logs.md} does not explain. The doc's table holds one pattern per line
 * a run may print and why; a line the table does not match is a defect to fix, or to
 * explain there.
 */
final class PlatformLogs {

	/**
	 * Spring Boot's, the Kafka broker's, PostgreSQL's and the JVM's own way of saying the
	 * level.
	 */
	private static final Pattern LEVEL = Pattern
		.compile("^\\S+\\s+(WARN|ERROR)\\s|^\\d\\d:\\d\\d:\\d\\d\\.\\d+ (WARN|ERROR)\\s"
				+ "|\\s(WARNING|ERROR|FATAL|PANIC):\\s|\\[(warning|error)\\]");

	/**
	 * A row of the doc's table: its first column is a pattern in backticks, with
	 * {@code |} written {@code \|} as a Markdown table needs it.
	 */
	private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|");

	private final Path directory;

	private final Map<Path, Long> marks = new HashMap<>();

	PlatformLogs(Path directory) {
		this.directory = directory;
	}

	/** Remembers where each log ends now; later lines are the run's. */
	void mark() throws IOException {
		this.marks.clear();
		for (Path log : logs()) {
			this.marks.put(log, Files.size(log));
		}
	}

	/**
	 * Returns the WARN and ERROR lines since the mark that no pattern of
	 * {@code docs/logs.md} matches, each with its file.
	 * @return the lines, empty when the run was clean
	 */
	List<String> unexplained() throws IOException {
		List<Pattern> explained = explained();
		List<String> lines = new ArrayList<>();
		for (Path log : logs()) {
			for (String line : linesSinceMark(log)) {
				Matcher level = LEVEL.matcher(line);
				if (level.find() && explained.stream().noneMatch((pattern) -> pattern.matcher(line).find())) {
					lines.add(log.getFileName() + ": " + line);
				}
			}
		}
		return lines;
	}

	static List<Pattern> explained() throws IOException {
		Path doc = Path.of(System.getProperty("platform.root", "..")).resolve("docs/logs.md");
		return Files.readAllLines(doc)
			.stream()
			.map(ROW::matcher)
			.filter(Matcher::find)
			.map((row) -> Pattern.compile(row.group(1).replace("\\|", "|")))
			.toList();
	}

	private List<String> linesSinceMark(Path log) throws IOException {
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long from = this.marks.getOrDefault(log, 0L);
			byte[] bytes = new byte[(int) Math.max(0, file.length() - from)];
			file.seek(from);
			file.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8).lines().toList();
		}
	}

	private List<Path> logs() throws IOException {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.toString().endsWith(".log")).sorted().toList();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

}
