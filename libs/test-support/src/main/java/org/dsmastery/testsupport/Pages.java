package org.dsmastery.testsupport;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the platform's keyset pages as a client does: the {@code items} of the body and
 * the next page's link from the {@code Link} header.
 */
public final class Pages {

	private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>; rel=\"next\"");

	private Pages() {
	}

	/**
	 * Returns the items of a page.
	 * @param page the page as JSON
	 * @return its items
	 */
	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> page) {
		return (List<Map<String, Object>>) page.getBody().get("items");
	}

	/**
	 * Returns the next page's link, asserting that a {@code Link} header is one.
	 * @param page the page
	 * @return the path and query of the next page, or {@code null} on the last page
	 */
	public static String nextLink(ResponseEntity<Map<String, Object>> page) {
		String link = page.getHeaders().getFirst(HttpHeaders.LINK);
		if (link == null) {
			return null;
		}
		Matcher matcher = NEXT_LINK.matcher(link);
		assertThat(matcher.matches()).as(link).isTrue();
		return matcher.group(1);
	}

}
