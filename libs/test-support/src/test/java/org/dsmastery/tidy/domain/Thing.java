package org.dsmastery.tidy.domain;

public record Thing(String name) {
}
