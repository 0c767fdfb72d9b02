package org.dsmastery.snowflake;

import java.util.List;

import org.springframework.web.client.RestClient;

/**
 * Fetches ids from the id-generator service with {@code GET /api/ids?count=N}.
 * <p>
 * Give it a {@link RestClient} whose base URL points at the service, for example
 * {@code http://id-generator} on a load-balanced builder.
 */
public final class RestClientIdSource implements IdSource {

	private final RestClient restClient;

	/**
	 * Creates the source.
	 * @param restClient a client whose base URL is the id-generator service
	 */
	public RestClientIdSource(RestClient restClient) {
		this.restClient = restClient;
	}

	@Override
	public long[] fetch(int count) {
		IdBatch batch = this.restClient.get()
			.uri((uri) -> uri.path("/api/ids").queryParam("count", count).build())
			.retrieve()
			.body(IdBatch.class);
		if (batch == null || batch.ids() == null || batch.ids().isEmpty()) {
			throw new IllegalStateException("id-generator answered without ids");
		}
		return batch.ids().stream().mapToLong(Long::parseLong).toArray();
	}

	/**
	 * The id-generator's batch response: ids as decimal strings, since they do not fit a
	 * JavaScript number.
	 *
	 * @param ids the ids
	 */
	record IdBatch(List<String> ids) {
	}

}
