package org.dsmastery.tangled.adapter.out.persistence;

import java.util.ArrayList;
import java.util.List;

import org.dsmastery.tangled.config.TangledProperties;
import org.dsmastery.tangled.domain.Widget;

/**
 * Breaks "adapters do not reach into config/" and, with the configuration that creates
 * it, closes a package cycle.
 */
public class JdbcWidgets {

	private final List<Widget> rows = new ArrayList<>();

	private final TangledProperties properties;

	public JdbcWidgets(TangledProperties properties) {
		this.properties = properties;
	}

	public void add(Widget widget) {
		if (this.rows.size() < this.properties.limit()) {
			this.rows.add(widget);
		}
	}

}
