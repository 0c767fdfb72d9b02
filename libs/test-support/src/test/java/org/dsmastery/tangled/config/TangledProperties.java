package org.dsmastery.tangled.config;

public record TangledProperties(int limit) {
}
