package org.dsmastery.servicedefaults.web;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The reactive side of {@link RequestSizeFilter}: refuses a request body larger than
 * {@code shop.web.max-request-body-size} (256 KB by default) with 413
 * {@code request-too-large}. A service that decodes its bodies is bounded by its codecs
 * too; a proxy is not, since it streams each body on without reading it, so this is the
 * gateway's own bound. A declared {@code Content-Length} is checked before anything reads
 * the body; a chunked body is counted as it streams and cut off one buffer past the
 * limit, whoever reads it.
 */
class RequestSizeWebFilter implements WebFilter, Ordered {

	private final long maxBytes;

	RequestSizeWebFilter(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long declared = request.getHeaders().getContentLength();
		if (declared > this.maxBytes) {
			return Mono.error(tooLarge());
		}
		if (declared < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			return chain.filter(exchange.mutate().request(new CountedBody(request, this.maxBytes)).build());
		}
		return chain.filter(exchange);
	}

	private static ResponseStatusException tooLarge() {
		return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE);
	}

	/**
	 * Before security and everything that reads a body, after the observation that gives
	 * the problem its trace id.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	private static final class CountedBody extends ServerHttpRequestDecorator {

		private final long maxBytes;

		CountedBody(ServerHttpRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong read = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (read.addAndGet(buffer.readableByteCount()) > this.maxBytes) {
					DataBufferUtils.release(buffer);
					sink.error(tooLarge());
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
