package org.dsmastery.servicedefaults.security;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

/**
 * Sends the service's own token ({@value ServiceTokens#REGISTRATION_ID}, client
 * credentials, scope {@value ShopScopes#INTERNAL}) with every request of a
 * {@code RestClient} that calls another service on the service's own account, such as the
 * order service fetching ids in the background. The token is fetched once and used until
 * it nearly expires. It is the service's, whoever's request is being served: the
 * principal is the service, never the shopper, so one token serves every request.
 *
 * <pre class="code">
 * RestClient ids = builder.requestInterceptor(serviceTokens).baseUrl("http://id-generator").build();
 * </pre>
 */
public final class ServiceTokenInterceptor implements ClientHttpRequestInterceptor {

	private final OAuth2ClientHttpRequestInterceptor delegate;

	ServiceTokenInterceptor(OAuth2AuthorizedClientManager clients, String serviceName) {
		UsernamePasswordAuthenticationToken service = UsernamePasswordAuthenticationToken.authenticated(serviceName,
				null, List.of());
		this.delegate = new OAuth2ClientHttpRequestInterceptor(clients);
		this.delegate.setClientRegistrationIdResolver((request) -> ServiceTokens.REGISTRATION_ID);
		this.delegate.setPrincipalResolver((request) -> service);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		return this.delegate.intercept(request, body, execution);
	}

}
