package org.dsmastery.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The auth-server on a random port with random secrets, its issuer set to
 * {@link #ISSUER}, and no Eureka registration: every test class so annotated shares one
 * server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "AUTH_ISSUER=" + AuthServerTest.ISSUER })
@ContextConfiguration(initializers = TestSecrets.class)
public @interface AuthServerTest {

	/**
	 * The issuer under test: a random port is chosen after the issuer is fixed, so the
	 * tests name one through {@code AUTH_ISSUER}, as a deployment behind a proxy does.
	 */
	String ISSUER = "http://auth-server.test";

}
