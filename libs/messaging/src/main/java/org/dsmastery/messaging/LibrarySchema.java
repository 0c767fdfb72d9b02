package org.dsmastery.messaging;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Migrates the tables a library owns, with a Flyway history table of the library's own,
 * so library and service migrations are versioned independently and never collide.
 */
public final class LibrarySchema {

	private LibrarySchema() {
	}

	/**
	 * Applies {@code classpath:db/<library>/V*.sql} to the service's database.
	 * @param dataSource the service's database
	 * @param library the library name, such as {@code outbox}
	 */
	public static void migrate(DataSource dataSource, String library) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/" + library)
			.table("flyway_history_" + library)
			// the service's own tables may already be there: start this history at zero
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

}
