package org.dsmastery.idgen.api;

import java.util.List;

record IdBatchResponse(List<String> ids) {
}
