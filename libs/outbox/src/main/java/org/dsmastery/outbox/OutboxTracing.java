package org.dsmastery.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.dsmastery.messaging.MessageHeaders;

/**
 * Carries a trace through the outbox, so that the hop from a business transaction to
 * Kafka does not start a new trace.
 * <p>
 * The append stores the trace context of the code that appends ({@link #capture}) with
 * the row, in its headers: {@code traceparent} in W3C form. The relay, maybe seconds
 * later and on another thread, opens a producer span per message as a child of that
 * stored context ({@link #startPublish}), with a link to the relay's own span (the batch
 * that published it), and sends the record with the producer span's context in its
 * {@code traceparent} header, so the consumer's span is the producer span's child. A
 * message appended outside any trace is published in the relay's trace.
 */
public final class OutboxTracing {

	/** No tracer: rows carry no context, records are published as they were stored. */
	public static final OutboxTracing NONE = new OutboxTracing(Tracer.NOOP, Propagator.NOOP);

	private static final Propagator.Setter<Map<String, String>> MAP_SETTER = Map::put;

	private static final Propagator.Getter<Map<String, String>> MAP_GETTER = Map::get;

	private static final Propagator.Setter<ProducerRecord<?, ?>> RECORD_SETTER = (record, name, value) -> {
		record.headers().remove(name);
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	};

	private final Tracer tracer;

	private final Propagator propagator;

	/**
	 * Creates the tracing of an outbox.
	 * @param tracer the service's tracer
	 * @param propagator its propagator (W3C trace context)
	 */
	public OutboxTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * Adds the current trace context, if any, to headers about to be stored with a row.
	 * @param headers the row's headers
	 */
	void capture(Map<String, String> headers) {
		Span current = this.tracer.currentSpan();
		if (current != null) {
			this.propagator.inject(current.context(), headers, MAP_SETTER);
		}
	}

	/**
	 * Starts the relay's span for one batch: a trace of its own, linked from every
	 * message it publishes.
	 * @param size how many messages the batch holds
	 * @return the span, to end when the batch is deleted
	 */
	Span startRelay(int size) {
		return this.tracer.spanBuilder().setNoParent().name("outbox relay").tag("outbox.batch.size", size).start();
	}

	/**
	 * Starts the producer span of one message, as a child of the context stored with it,
	 * and writes its own context into the record's headers.
	 * @param record the record about to be sent, with the stored headers
	 * @param stored the headers stored with the row
	 * @param relay the relay's span
	 * @return the producer span, to end when Kafka acknowledges the record
	 */
	Span startPublish(ProducerRecord<?, ?> record, Map<String, String> stored, Span relay) {
		Span.Builder builder = this.propagator.extract(stored, MAP_GETTER)
			.name("publish " + record.topic())
			.kind(Span.Kind.PRODUCER)
			.remoteServiceName("kafka")
			.tag("messaging.system", "kafka")
			.tag("messaging.operation", "publish")
			.tag("messaging.destination.name", record.topic());
		if (record.key() != null) {
			builder.tag("messaging.kafka.message.key", String.valueOf(record.key()));
		}
		String messageId = stored.get(MessageHeaders.MESSAGE_ID);
		if (messageId != null) {
			builder.tag("messaging.message.id", messageId);
		}
		TraceContext relayContext = relay.context();
		if (!relayContext.traceId().isEmpty()) {
			builder.addLink(new Link(relayContext));
		}
		Span span = builder.start();
		this.propagator.inject(span.context(), record, RECORD_SETTER);
		return span;
	}

	/**
	 * Puts a span in scope while the relay works on its batch.
	 * @param span the relay's span
	 * @return the scope, to close
	 */
	Tracer.SpanInScope inScope(Span span) {
		return this.tracer.withSpan(span);
	}

}
