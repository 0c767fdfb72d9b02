package org.dsmastery.servicedefaults.web.paging;

import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Keyset pagination of every list endpoint of the platform (docs/patterns/pagination.md,
 * ADR 0019): {@code ?size=} (default {@value #DEFAULT_SIZE}, at most {@value #MAX_SIZE};
 * anything else is refused, never clamped) and {@code ?cursor=} (from the previous page's
 * {@code next}). A controller reads {@code size + 1} rows after the cursor's key: the
 * extra row only tells whether there is a next page.
 */
public final class Paging {

	/** The page size when a request names none. */
	public static final int DEFAULT_SIZE = 20;

	/** The largest page a request may ask for. */
	public static final int MAX_SIZE = 100;

	private Paging() {
	}

	/**
	 * Returns the page size a request asked for.
	 * @param size the {@code size} parameter; {@code null} for the default
	 * @return the size, 1 to {@value #MAX_SIZE}
	 * @throws InvalidPageSizeException if it is not a whole number in that range
	 */
	public static int size(String size) {
		if (size == null) {
			return DEFAULT_SIZE;
		}
		// at most 3 digits: a long digit string is refused without parsing it
		int parsed = size.matches("[0-9]{1,3}") ? Integer.parseInt(size) : 0;
		if (parsed < 1 || parsed > MAX_SIZE) {
			throw new InvalidPageSizeException("size must be a whole number from 1 to " + MAX_SIZE + ", was '"
					+ ((size.length() > 10) ? size.substring(0, 10) + "..." : size) + "'");
		}
		return parsed;
	}

	/**
	 * Answers one page: the first {@code size} of {@code fetched} (which holds up to
	 * {@code size + 1} rows), the cursor of the last one as {@code next} if there was an
	 * extra row, and the URL of the next page in an RFC 8288 {@code Link} header.
	 * @param fetched up to {@code size + 1} rows after the request's cursor
	 * @param size the page size
	 * @param cursor the cursor of a row, to continue after it
	 * @param item a row on the wire
	 * @param self the list's path and filter parameters, without size and cursor
	 * @param <R> the row type
	 * @param <T> the item type
	 * @return the answer
	 */
	public static <R, T> ResponseEntity<PageResponse<T>> page(List<R> fetched, int size, Function<R, String> cursor,
			Function<R, T> item, UriComponentsBuilder self) {
		List<R> rows = fetched.subList(0, Math.min(size, fetched.size()));
		String next = (fetched.size() > size) ? cursor.apply(rows.getLast()) : null;
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (next != null) {
			// a relative reference: right both through the gateway (same paths) and
			// direct
			String url = self.queryParam("size", size).queryParam("cursor", next).build().encode().toUriString();
			answer.header(HttpHeaders.LINK, "<" + url + ">; rel=\"next\"");
		}
		return answer.body(new PageResponse<>(rows.stream().map(item).toList(), next));
	}

}
