package org.dsmastery.tidy.config;

record TidyProperties(int limit) {
}
