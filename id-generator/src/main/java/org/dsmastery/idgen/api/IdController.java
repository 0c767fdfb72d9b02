package org.dsmastery.idgen.api;

import java.util.Arrays;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.dsmastery.idgen.IdGeneratorProperties;
import org.dsmastery.idgen.worker.WorkerIdLease;
import org.dsmastery.snowflake.SnowflakeId;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues and decodes Snowflake ids. Ids travel as decimal strings: a 63-bit id does not
 * fit a JavaScript number.
 */
@RestController
@RequestMapping("/api/ids")
class IdController {

	private final WorkerIdLease lease;

	private final IdGeneratorProperties properties;

	private final Counter issued;

	IdController(WorkerIdLease lease, IdGeneratorProperties properties, MeterRegistry meterRegistry) {
		this.lease = lease;
		this.properties = properties;
		this.issued = Counter.builder("idgen.ids.issued").description("Ids issued").register(meterRegistry);
	}

	@GetMapping(params = "!count")
	ResponseEntity<IdResponse> one() {
		long id = this.lease.generator().nextId();
		this.issued.increment();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new IdResponse(Long.toString(id)));
	}

	@GetMapping(params = "count")
	ResponseEntity<IdBatchResponse> batch(@RequestParam int count) {
		if (count < 1 || count > this.properties.maxBatch()) {
			throw new InvalidCountException(count, this.properties.maxBatch());
		}
		long[] ids = this.lease.generator().nextIds(count);
		this.issued.increment(count);
		List<String> body = Arrays.stream(ids).mapToObj(Long::toString).toList();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new IdBatchResponse(body));
	}

	@GetMapping("/{id}")
	DecodedIdResponse decode(@PathVariable long id) {
		if (id < 0) {
			throw new MalformedIdException(id);
		}
		SnowflakeId decoded = SnowflakeId.decode(id);
		return new DecodedIdResponse(Long.toString(id), decoded.timestamp(), decoded.workerId(), decoded.sequence());
	}

}
