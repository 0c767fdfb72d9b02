package org.dsmastery.perf.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./platform logs --trace <traceId>}: the log lines of every service for one
 * trace, merged in time order. It reads the structured logs {@code ./platform up} has
 * each service write ({@code <state>/logs/<name>-<port>.json}, one logstash JSON object a
 * line, with the MDC's {@code traceId} and {@code spanId} as top-level fields) and prints
 * each selected line as {@code time  service  level  logger  message}, with a stack trace
 * indented under its line. The service is the file's name, so that two instances of one
 * service stay apart.
 * <p>
 * A 32-hex id matches exactly; a 16-hex id (a 64-bit trace id, or the low half Zipkin
 * shows for a 128-bit one) matches the end of the logged id. Exit 0 when lines were
 * found, 1 when none were, 2 for an argument that is not a trace id.
 */
public final class TraceLogs {

	private static final Logger logger = LoggerFactory.getLogger(TraceLogs.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

	private TraceLogs() {
	}

	/**
	 * One selected log line.
	 *
	 * @param time when it was logged
	 * @param service the log file's name without {@code .json}, such as
	 * {@code order-service-8081}
	 * @param traceId the trace id it was logged with
	 * @param level {@code INFO}, {@code WARN}, ...
	 * @param logger the logger's full name
	 * @param message the message
	 * @param stackTrace the exception's stack trace, empty if none
	 */
	record Line(Instant time, String service, String traceId, String level, String logger, String message,
			String stackTrace) {
	}

	/**
	 * The lines of one trace in every {@code *.json} file of a folder, in time order (a
	 * tie keeps the files' alphabetical order and each file's own order).
	 * @param logs the logs folder
	 * @param traceId the trace id, 16 or 32 hex digits, any case
	 * @return the lines
	 */
	static List<Line> select(Path logs, String traceId) {
		String id = traceId.strip().toLowerCase(Locale.ROOT);
		if (!id.matches("[0-9a-f]{16}|[0-9a-f]{32}")) {
			throw new IllegalArgumentException("'" + traceId + "' is not a trace id (16 or 32 hex digits)");
		}
		List<Line> lines = new ArrayList<>();
		for (Path file : files(logs)) {
			String service = file.getFileName().toString().replaceFirst("\\.json$", "");
			try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				reader.lines()
					.filter((text) -> text.toLowerCase(Locale.ROOT).contains(id))
					.map((text) -> parse(text, service))
					.flatMap(Optional::stream)
					.filter((line) -> matches(line.traceId(), id))
					.forEach(lines::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		// a stable sort: lines logged in the same instant keep their order
		lines.sort(Comparator.comparing(Line::time));
		return lines;
	}

	private static boolean matches(String logged, String id) {
		String trace = logged.toLowerCase(Locale.ROOT);
		return (id.length() == 32) ? trace.equals(id)
				: trace.endsWith(id) && (trace.length() == 16 || trace.length() == 32);
	}

	private static Optional<Line> parse(String text, String service) {
		try {
			JsonNode json = JSON.readTree(text);
			Instant time = OffsetDateTime.parse(json.path("@timestamp").asString("")).toInstant();
			return Optional.of(new Line(time, service, json.path("traceId").asString(""),
					json.path("level").asString("?"), json.path("logger_name").asString("?"),
					json.path("message").asString(""), json.path("stack_trace").asString("")));
		}
		catch (JacksonException | DateTimeParseException ex) {
			return Optional.empty(); // not a logstash line: a torn last line, say
		}
	}

	private static List<Path> files(Path logs) {
		if (!Files.isDirectory(logs)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(logs)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The lines for people: time of day in {@code zone}, service, level, the logger's
	 * simple name and the message, in columns; a stack trace indented below its line.
	 * @param lines the selected lines
	 * @param zone the time zone to show the times in
	 * @return the printable lines
	 */
	static List<String> render(List<Line> lines, ZoneId zone) {
		int service = lines.stream().mapToInt((line) -> line.service().length()).max().orElse(0);
		int loggers = lines.stream().mapToInt((line) -> simpleName(line.logger()).length()).max().orElse(0);
		List<String> out = new ArrayList<>();
		for (Line line : lines) {
			out.add(String.format(Locale.ROOT, "%s  %-" + service + "s  %-5s  %-" + loggers + "s  %s",
					TIME.format(line.time().atZone(zone)), line.service(), line.level(), simpleName(line.logger()),
					line.message()));
			line.stackTrace().lines().map((trace) -> "        " + trace).forEach(out::add);
		}
		return out;
	}

	private static String simpleName(String logger) {
		return logger.substring(logger.lastIndexOf('.') + 1);
	}

	public static void main(String[] args) {
		if (args.length != 2) {
			throw new IllegalArgumentException("usage: TraceLogs <logs folder> <traceId>");
		}
		Path logs = Path.of(args[0]);
		List<Line> lines;
		try {
			lines = select(logs, args[1]);
		}
		catch (IllegalArgumentException ex) {
			logger.info("{}; usage: ./platform logs --trace <traceId>", ex.getMessage());
			System.exit(2);
			return;
		}
		if (lines.isEmpty()) {
			logger.info("no log line with traceId {} in {}/*.json", args[1], logs);
			System.exit(1);
		}
		render(lines, ZoneId.systemDefault()).forEach(logger::info);
		logger.info("{} lines from {} service instance(s)", lines.size(),
				lines.stream().map(Line::service).distinct().count());
	}

}
