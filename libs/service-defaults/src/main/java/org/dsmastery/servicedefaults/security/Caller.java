package org.dsmastery.servicedefaults.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the bearer token says: the token's subject, the customer a shopper
 * acts for, and the token's scopes. Controllers of servlet services take it as a
 * parameter and ask it before they touch an object that belongs to a customer, which the
 * URL rules alone cannot decide (OWASP API1, broken object-level authorization):
 *
 * <pre class="code">
 * &#64;GetMapping("/{orderId}")
 * OrderView get(&#64;PathVariable long orderId, Caller caller) {
 *     Order order = this.orders.find(orderId)
 *         .filter((found) -&gt; caller.mayActFor(found.customerId()))
 *         .orElseThrow(() -&gt; new OrderNotFoundException(orderId)); // 404, not 403: nothing leaks
 *     ...
 * }
 * </pre>
 *
 * @param subject the token's {@code sub}: the customer id of a shopper, the client id of
 * a client-credentials token
 * @param customerId the {@value ShopScopes#CUSTOMER_ID_CLAIM} claim; {@code null} unless
 * a shopper
 * @param scopes the token's scopes
 */
public record Caller(String subject, @Nullable String customerId, Set<String> scopes) {

	/**
	 * Reads the caller from an authentication of the resource server.
	 * @param authentication the request's authentication
	 * @return the caller
	 * @throws IllegalArgumentException if the request was not authenticated with a bearer
	 * token
	 */
	public static Caller of(Authentication authentication) {
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			throw new IllegalArgumentException("not authenticated with a bearer token");
		}
		Set<String> scopes = token.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("SCOPE_"))
			.map((authority) -> authority.substring("SCOPE_".length()))
			.collect(Collectors.toUnmodifiableSet());
		return new Caller(token.getName(), token.getToken().getClaimAsString(ShopScopes.CUSTOMER_ID_CLAIM), scopes);
	}

	/**
	 * Whether the caller is an operator.
	 * @return whether the token has the {@value ShopScopes#ADMIN} scope
	 */
	public boolean isAdmin() {
		return this.scopes.contains(ShopScopes.ADMIN);
	}

	/**
	 * Whether the caller is one of the platform's services.
	 * @return whether the token has the {@value ShopScopes#INTERNAL} scope
	 */
	public boolean isInternal() {
		return this.scopes.contains(ShopScopes.INTERNAL);
	}

	/**
	 * Whether the caller may see and act on what belongs to a customer: an operator or a
	 * service may, a shopper only for their own customer id.
	 * @param owner the customer the object belongs to
	 * @return whether the caller may
	 */
	public boolean mayActFor(String owner) {
		return isAdmin() || isInternal() || owner.equals(this.customerId);
	}

	/**
	 * Whether the caller may see the platform's internal fields (fencing tokens, lock
	 * tokens, provider references) in a response.
	 * @return whether it may
	 */
	public boolean seesInternals() {
		return isAdmin() || isInternal();
	}

}
