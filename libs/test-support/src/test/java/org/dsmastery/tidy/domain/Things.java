package org.dsmastery.tidy.domain;

public interface Things {

	void add(Thing thing);

}
