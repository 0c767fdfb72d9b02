package org.dsmastery.order.contracts.v1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The set of order contracts and their golden examples.
 */
public final class OrderContracts {

	/** The {@code version} header of every v1 message. */
	public static final int VERSION = 1;

	/** Every event type of {@link OrderTopics#EVENTS}. */
	public static final List<Class<? extends Record>> EVENTS = List.of(OrderPlaced.class, OrderApproved.class,
			OrderRejected.class, OrderCancelled.class);

	/** Every command type of {@link OrderTopics#COMMANDS}. */
	public static final List<Class<? extends Record>> COMMANDS = List.of(ApproveOrder.class, RejectOrder.class);

	private static final Map<Class<? extends Record>, String> TYPES = Map.of(OrderPlaced.class, OrderPlaced.TYPE,
			OrderApproved.class, OrderApproved.TYPE, OrderRejected.class, OrderRejected.TYPE, OrderCancelled.class,
			OrderCancelled.TYPE, ApproveOrder.class, ApproveOrder.TYPE, RejectOrder.class, RejectOrder.TYPE);

	private OrderContracts() {
	}

	/**
	 * Returns the {@code type} header of a contract: the explicit {@code TYPE} constant
	 * of its record, never its class name, so renaming a record cannot change the wire.
	 * @param contract a contract type of {@link #EVENTS} or {@link #COMMANDS}
	 * @return the type name
	 * @throws IllegalArgumentException for any other type
	 */
	public static String typeOf(Class<? extends Record> contract) {
		String type = TYPES.get(contract);
		if (type == null) {
			throw new IllegalArgumentException("not a order contract: " + contract.getName());
		}
		return type;
	}

	/**
	 * Returns the golden JSON example of a contract, which producer and consumers
	 * round-trip in their tests.
	 * @param contract a contract type
	 * @return the JSON text
	 */
	public static String goldenExample(Class<? extends Record> contract) {
		String resource = "/contracts/order/v1/" + typeOf(contract) + ".json";
		try (InputStream in = OrderContracts.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("no golden example " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
