package org.dsmastery.servicedefaults.web.paging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list on the wire.
 *
 * @param items the page, in the list's order
 * @param next the cursor of the next page; {@code null} (always written) on the last page
 * @param <T> the item type
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageResponse<T>(List<T> items, String next) {
}
