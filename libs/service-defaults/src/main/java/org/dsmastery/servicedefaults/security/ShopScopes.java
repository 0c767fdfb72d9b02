package org.dsmastery.servicedefaults.security;

/**
 * The platform's token vocabulary, one for the auth-server that issues tokens, the
 * gateway and every service that reads them: the audience every access token carries, the
 * claim naming the shopper's customer, and the three scopes with the authorities Spring
 * Security makes of them.
 * <ul>
 * <li>{@value #SHOP}: a shopper acting for their own customer id (the authorization-code
 * flow of the {@code shop-shopper} client);</li>
 * <li>{@value #ADMIN}: an operator: the admin APIs, the audits, any customer's data
 * ({@code shop-admin}, client credentials);</li>
 * <li>{@value #INTERNAL}: one service calling another ({@code shop-services}, client
 * credentials).</li>
 * </ul>
 */
public final class ShopScopes {

	/**
	 * The {@code aud} of every access token the auth-server issues for the shop's APIs.
	 */
	public static final String AUDIENCE = "shop-api";

	/** The claim with the shopper's customer id, in shopper tokens only. */
	public static final String CUSTOMER_ID_CLAIM = "customer_id";

	/** A shopper's scope. */
	public static final String SHOP = "shop";

	/** An operator's scope. */
	public static final String ADMIN = "admin";

	/** The scope of service-to-service calls. */
	public static final String INTERNAL = "internal";

	/** The authority of {@link #SHOP}. */
	public static final String SHOP_AUTHORITY = "SCOPE_" + SHOP;

	/** The authority of {@link #ADMIN}. */
	public static final String ADMIN_AUTHORITY = "SCOPE_" + ADMIN;

	/** The authority of {@link #INTERNAL}. */
	public static final String INTERNAL_AUTHORITY = "SCOPE_" + INTERNAL;

	private ShopScopes() {
	}

}
