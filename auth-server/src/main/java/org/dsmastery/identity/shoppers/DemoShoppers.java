package org.dsmastery.identity.shoppers;

import java.util.regex.Pattern;

import org.dsmastery.identity.IdentityProperties;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo identity store behind the login form: a shopper's username is their customer
 * id (1 to 19 digits, nothing else) and every shopper logs in with the one password of
 * {@code shop.identity.shopper-password}. There is no sign-up, no password per shopper
 * and no lockout. A real deployment replaces this one bean with its identity store (a
 * user database, a directory, a federated identity provider); nothing else in the server
 * knows shoppers.
 * <p>
 * Any other username is unknown, which Spring Security answers exactly like a wrong
 * password (bad credentials, after the same password hashing).
 */
@Component
class DemoShoppers implements UserDetailsService {

	private static final Pattern CUSTOMER_ID = Pattern.compile("[0-9]{1,19}");

	private final String passwordHash;

	DemoShoppers(IdentityProperties properties, PasswordEncoder passwordEncoder) {
		this.passwordHash = passwordEncoder.encode(properties.shopperPassword());
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (username == null || !CUSTOMER_ID.matcher(username).matches()) {
			throw new UsernameNotFoundException("a shopper's username is a customer id of 1 to 19 digits");
		}
		return User.withUsername(username).password(this.passwordHash).roles("SHOPPER").build();
	}

}
