package org.dsmastery.idgen.api;

record IdResponse(String id) {
}
