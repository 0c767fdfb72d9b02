package org.dsmastery.saga.adapter.in.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.dsmastery.saga.application.SagaHistoryEntry;
import org.dsmastery.saga.application.SagaView;
import org.dsmastery.saga.domain.SagaLine;

/**
 * A saga with its history, ids as strings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SagaResponse(@JsonFormat(shape = JsonFormat.Shape.STRING) long sagaId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long customerId, long amountCents, String currency,
		List<SagaLine> lines, String state, String reason, int attempt, Instant deadline, Instant startedAt,
		Instant updatedAt, List<Entry> history) {

	static SagaResponse of(SagaView saga, List<SagaHistoryEntry> history) {
		return new SagaResponse(saga.orderId(), saga.orderId(), saga.customerId(), saga.amountCents(), saga.currency(),
				saga.lines(), saga.state().name(), saga.reason(), saga.attempt(), saga.deadline(), saga.startedAt(),
				saga.updatedAt(), history.stream().map(Entry::of).toList());
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Entry(Instant at, String kind, String type, String from, String to, String messageId, String detail) {

		static Entry of(SagaHistoryEntry entry) {
			return new Entry(entry.at(), entry.kind().name(), entry.type(),
					(entry.from() != null) ? entry.from().name() : null, entry.to().name(), entry.messageId(),
					entry.detail());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Summary(@JsonFormat(shape = JsonFormat.Shape.STRING) long sagaId, String state, String reason,
			Instant deadline, Instant startedAt, Instant updatedAt) {

		static Summary of(SagaView saga) {
			return new Summary(saga.orderId(), saga.state().name(), saga.reason(), saga.deadline(), saga.startedAt(),
					saga.updatedAt());
		}

	}

}
