package org.dsmastery.servicedefaults.web;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.NettyPipeline;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * Makes every error of a reactive service (the gateway, the rate-limiter) the platform's
 * RFC 9457 problem: in WebFlux through a {@link ReactiveProblemAdvice} (the service's own
 * or, without one, a default) and {@link ProblemErrorWebExceptionHandler}, and in Reactor
 * Netty, which refuses an oversized header (431), request line (414) or a malformed
 * request (400) before WebFlux sees it, by giving its empty answer the problem's body. A
 * body over {@code shop.web.max-request-body-size} (256 KB) is refused with 413 by
 * {@link RequestSizeWebFilter}, the only bound on a body the gateway streams on.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration",
		"org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(ErrorWebExceptionHandler.class)
public class ReactiveProblemsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	DefaultReactiveProblemAdvice defaultReactiveProblemAdvice() {
		return new DefaultReactiveProblemAdvice();
	}

	@Bean
	RequestSizeWebFilter requestSizeWebFilter(
			@Value("${shop.web.max-request-body-size:256KB}") DataSize maxRequestBodySize) {
		return new RequestSizeWebFilter(maxRequestBodySize.toBytes());
	}

	@Bean
	@ConditionalOnMissingBean(ErrorWebExceptionHandler.class)
	// before Boot's own handlers (-1) and WebFlux's WebFluxResponseStatusExceptionHandler
	// (0)
	@Order(-2)
	ProblemErrorWebExceptionHandler problemErrorWebExceptionHandler(ServerCodecConfigurer codecs) {
		return new ProblemErrorWebExceptionHandler(codecs);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ NettyServerCustomizer.class, NettyPipeline.class })
	static class NettyProblemsConfiguration {

		@Bean
		NettyServerCustomizer decodingFailureProblems() {
			DecodingFailureProblems handler = new DecodingFailureProblems();
			return (server) -> server.doOnChannelInit((observer, channel, address) -> {
				if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
					channel.pipeline().addAfter(NettyPipeline.HttpCodec, "dsmastery.decodingFailureProblems", handler);
				}
			});
		}

	}

	/**
	 * For a reactive service whose own advice does not extend
	 * {@link ReactiveProblemAdvice} or that has none.
	 */
	@RestControllerAdvice
	static class DefaultReactiveProblemAdvice extends ReactiveProblemAdvice {

	}

	/**
	 * Gives Reactor Netty's answer to a request it could not decode (a complete response
	 * with an error status, no body and no content type) the platform's problem body.
	 * Every answer WebFlux writes has a content type, so none of them is touched.
	 */
	@ChannelHandler.Sharable
	static class DecodingFailureProblems extends ChannelOutboundHandlerAdapter {

		@Override
		public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
			if (message instanceof FullHttpResponse response && isBare(response)) {
				int status = response.status().code();
				byte[] body = ProblemTypes.json(status, response.status().reasonPhrase(), "", "")
					.getBytes(StandardCharsets.UTF_8);
				FullHttpResponse problem = response.replace(Unpooled.wrappedBuffer(body));
				problem.headers()
					.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
					.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
				response.release();
				super.write(context, problem, promise);
				return;
			}
			super.write(context, message, promise);
		}

		private static boolean isBare(FullHttpResponse response) {
			int status = response.status().code();
			return (status == 400 || status == 413 || status == 414 || status == 431)
					&& !response.content().isReadable() && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
		}

	}

}
