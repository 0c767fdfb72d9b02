package org.dsmastery.servicedefaults.web.paging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Keyset cursors: the base64url (unpadded) of
 * {@code <list>.<key part>...<CRC-32 of what precedes it>}. Clients treat them as opaque;
 * the list name makes a cursor of one list useless for another, and the checksum makes a
 * cursor that was cut or edited answer {@code invalid-cursor} instead of quietly starting
 * at a wrong position. They are not signed: a cursor only names a position in a list the
 * caller may read from its first page anyway, so a forged one reveals nothing, and
 * unsigned cursors need no key shared by every instance.
 */
public final class Cursors {

	/** Longer than any cursor this service issues; bounds what is decoded. */
	public static final int MAX_LENGTH = 200;

	private Cursors() {
	}

	/**
	 * Returns the cursor of a row.
	 * @param list the list's name, such as {@code customer-orders}
	 * @param key the row's key parts, in the list's order
	 * @return the opaque cursor
	 */
	public static String encode(String list, String... key) {
		String body = list + "." + String.join(".", key);
		String plain = body + "." + checksum(body);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Returns the key parts of a cursor issued for {@code list}.
	 * @param list the list the cursor must belong to
	 * @param cursor the cursor as the client sent it
	 * @param parts how many key parts the list's cursors have
	 * @return the key parts
	 * @throws InvalidCursorException if the cursor was not issued for this list
	 */
	public static List<String> decode(String list, String cursor, int parts) {
		if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
			throw new InvalidCursorException("a cursor is 1 to " + MAX_LENGTH + " characters");
		}
		String plain;
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(cursor);
			plain = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (IllegalArgumentException | CharacterCodingException ex) {
			throw new InvalidCursorException("the cursor is not one this service issued");
		}
		int end = plain.lastIndexOf('.');
		if (end < 0 || !plain.substring(end + 1).equals(checksum(plain.substring(0, end)))) {
			throw new InvalidCursorException("the cursor is not one this service issued");
		}
		List<String> fields = List.of(plain.substring(0, end).split("\\.", -1));
		if (fields.size() != parts + 1 || !fields.getFirst().equals(list)
				|| fields.stream().anyMatch(String::isEmpty)) {
			throw new InvalidCursorException("the cursor is not one this list issued");
		}
		return fields.subList(1, fields.size());
	}

	private static String checksum(String body) {
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.UTF_8));
		return Long.toHexString(crc.getValue());
	}

}
