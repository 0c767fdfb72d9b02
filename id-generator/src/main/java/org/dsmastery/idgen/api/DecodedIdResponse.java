package org.dsmastery.idgen.api;

import java.time.Instant;

record DecodedIdResponse(String id, Instant timestamp, int workerId, int sequence) {
}
