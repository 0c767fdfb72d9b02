package org.dsmastery.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dsmastery.devstack.DevStack;
import org.dsmastery.devstack.DevStackConfig;
import org.dsmastery.devstack.Infra;

/**
 * Real servers from Maven artifacts ({@code libs/devstack}) on free loopback ports, with
 * their data in a temporary directory; each server starts when a test first needs it.
 */
final class EmbeddedInfrastructure implements SharedInfrastructure.Provider {

	private final Path directory;

	private final Map<Infra, DevStack> running = new EnumMap<>(Infra.class);

	EmbeddedInfrastructure() {
		try {
			this.directory = Files.createTempDirectory("dsmastery-test-infra-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public synchronized Map<String, String> springProperties(Set<Infra> infra, String database) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (Infra service : infra) {
			DevStack stack = this.running.computeIfAbsent(service, this::start);
			if (service == Infra.POSTGRES && database != null) {
				stack.createDatabases(List.of(database));
			}
			properties.putAll(stack.springProperties(database));
		}
		return properties;
	}

	private DevStack start(Infra service) {
		Path home = this.directory.resolve(service.name().toLowerCase());
		return DevStack.start(DevStackConfig.ephemeral(home, List.of()), EnumSet.of(service), false);
	}

	@Override
	public synchronized void close() {
		List<DevStack> stacks = new ArrayList<>(this.running.values());
		this.running.clear();
		stacks.reversed().forEach(DevStack::close);
		deleteQuietly(this.directory);
	}

	private static void deleteQuietly(Path root) {
		try (var paths = Files.walk(root)) {
			paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a temporary directory left behind is harmless
		}
	}

}
