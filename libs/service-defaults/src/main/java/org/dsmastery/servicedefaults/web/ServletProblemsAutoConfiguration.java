package org.dsmastery.servicedefaults.web;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Makes every error of a servlet service the platform's RFC 9457 problem, at each of the
 * three places one can come from:
 * <ul>
 * <li>in Spring MVC (an unrouted path, 405, 406, 415, a malformed body or parameter): a
 * {@link ProblemAdvice}, the service's own or, without one, a default;</li>
 * <li>outside Spring MVC (a filter's exception or {@code sendError}): the error page,
 * {@link ProblemErrorController} in place of Boot's {@code BasicErrorController};</li>
 * <li>in Tomcat before any servlet runs (an oversized header, a malformed request line):
 * {@link ProblemErrorReportValve} in place of Tomcat's error report valve.</li>
 * </ul>
 * A body over {@code shop.web.max-request-body-size} (256 KB) is refused with 413 by
 * {@link RequestSizeFilter} before anything reads it. Every problem from Spring MVC names
 * the request's trace ({@link ProblemTraceAdvice}).
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
		"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ErrorController.class })
public class ServletProblemsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	DefaultProblemAdvice defaultProblemAdvice() {
		return new DefaultProblemAdvice();
	}

	@Bean
	ProblemTraceAdvice problemTraceAdvice(ObjectProvider<Tracer> tracer) {
		return new ProblemTraceAdvice(tracer);
	}

	@Bean
	FilterRegistrationBean<TraceIdFilter> traceIdFilter(ObjectProvider<Tracer> tracer) {
		FilterRegistrationBean<TraceIdFilter> registration = new FilterRegistrationBean<>(new TraceIdFilter(tracer));
		// inside Spring's observation filter (HIGHEST_PRECEDENCE + 1), where the span is
		// current
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Bean
	PagingProblems pagingProblems() {
		return new PagingProblems();
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	@Bean
	FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(
			@Value("${shop.web.max-request-body-size:256KB}") DataSize maxRequestBodySize) {
		FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeFilter(maxRequestBodySize.toBytes()));
		// before anything that reads the body (libs/idempotency's filter, the message
		// converters)
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
	static class TomcatProblemsConfiguration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValveCustomizer() {
			return new ProblemValveCustomizer();
		}

	}

	/**
	 * For a service whose own advice does not extend {@link ProblemAdvice} or that has
	 * none.
	 */
	@RestControllerAdvice
	static class DefaultProblemAdvice extends ProblemAdvice {

	}

	/**
	 * Replaces the error report valve Boot puts on Tomcat's host; ordered after Boot's
	 * customizer, whose context customizer adds that valve first.
	 */
	static class ProblemValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				Container host = context.getParent();
				Pipeline pipeline = host.getPipeline();
				for (Valve valve : pipeline.getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
						pipeline.removeValve(valve);
					}
				}
				pipeline.addValve(new ProblemErrorReportValve());
				if (host instanceof StandardHost standard) {
					// else the host adds Tomcat's own valve back when it starts
					standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return 1;
		}

	}

}
