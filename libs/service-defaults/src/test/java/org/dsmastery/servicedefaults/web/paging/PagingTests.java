package org.dsmastery.servicedefaults.web.paging;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The paging kit every list endpoint uses; each service's own tests walk its lists on
 * real PostgreSQL.
 */
class PagingTests {

	@Test
	void aCursorRoundTripsItsKeyForItsOwnListOnly() {
		String cursor = Cursors.encode("sagas", "ALL", "1796646693429000", "255672691091046410");

		assertThat(cursor).matches("[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(Cursors.MAX_LENGTH);
		assertThat(Cursors.decode("sagas", cursor, 3)).containsExactly("ALL", "1796646693429000", "255672691091046410");
		assertThatExceptionOfType(InvalidCursorException.class).isThrownBy(() -> Cursors.decode("orders", cursor, 3));
		assertThatExceptionOfType(InvalidCursorException.class).isThrownBy(() -> Cursors.decode("sagas", cursor, 2));
	}

	@Test
	void aCutOrEditedCursorIsRefused() {
		String cursor = Cursors.encode("catalogue", "SKU-MOUSE");
		char last = cursor.charAt(cursor.length() - 1);
		String edited = cursor.substring(0, cursor.length() - 1) + ((last == 'A') ? 'B' : 'A');

		for (String bad : List.of(cursor.substring(0, cursor.length() - 2), edited, "not*base64", "",
				"A".repeat(Cursors.MAX_LENGTH + 1))) {
			assertThatExceptionOfType(InvalidCursorException.class).as(bad)
				.isThrownBy(() -> Cursors.decode("catalogue", bad, 1));
		}
	}

	@Test
	void aPageHasANextCursorAndALinkOnlyWhenAnotherRowWasFetched() {
		ResponseEntity<PageResponse<String>> full = Paging.page(List.of(1, 2, 3), 2, (n) -> "c" + n, (n) -> "item" + n,
				UriComponentsBuilder.fromPath("/api/things").queryParam("owner", "42"));
		ResponseEntity<PageResponse<String>> last = Paging.page(List.of(1, 2), 2, (n) -> "c" + n, (n) -> "item" + n,
				UriComponentsBuilder.fromPath("/api/things"));

		assertThat(full.getBody().items()).containsExactly("item1", "item2");
		assertThat(full.getBody().next()).isEqualTo("c2");
		assertThat(full.getHeaders().getFirst(HttpHeaders.LINK))
			.isEqualTo("</api/things?owner=42&size=2&cursor=c2>; rel=\"next\"");
		assertThat(last.getBody().next()).isNull();
		assertThat(last.getHeaders().containsHeader(HttpHeaders.LINK)).isFalse();
	}

	@Test
	void theSizeDefaultsAndIsBounded() {
		assertThat(Paging.size(null)).isEqualTo(Paging.DEFAULT_SIZE);
		assertThat(Paging.size("100")).isEqualTo(Paging.MAX_SIZE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "101", "1000", "ten", "", "99999999999999999999" })
	void aSizeOutsideOneToTheMaximumIsRefusedNotClamped(String size) {
		assertThatExceptionOfType(InvalidPageSizeException.class).isThrownBy(() -> Paging.size(size));
	}

}
