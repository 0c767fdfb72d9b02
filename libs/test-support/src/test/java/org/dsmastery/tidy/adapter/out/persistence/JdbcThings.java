package org.dsmastery.tidy.adapter.out.persistence;

import java.util.ArrayList;
import java.util.List;

import org.dsmastery.tidy.domain.Thing;
import org.dsmastery.tidy.domain.Things;

public class JdbcThings implements Things {

	private final List<Thing> rows = new ArrayList<>();

	private final int limit;

	public JdbcThings(int limit) {
		this.limit = limit;
	}

	@Override
	public void add(Thing thing) {
		if (this.rows.size() < this.limit) {
			this.rows.add(thing);
		}
	}

}
