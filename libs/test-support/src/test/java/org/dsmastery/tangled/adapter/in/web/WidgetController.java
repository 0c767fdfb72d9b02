package org.dsmastery.tangled.adapter.in.web;

import org.dsmastery.tangled.adapter.out.persistence.JdbcWidgets;
import org.dsmastery.tangled.domain.Widget;
import org.dsmastery.tidy.contracts.v1.ThingAdded;

/**
 * Breaks "adapters stay apart" (it writes through the persistence adapter) and "contracts
 * stop at the messaging adapters" (it answers with a wire contract).
 */
class WidgetController {

	private final JdbcWidgets widgets;

	WidgetController(JdbcWidgets widgets) {
		this.widgets = widgets;
	}

	ThingAdded post(String name) {
		this.widgets.add(new Widget(name));
		return new ThingAdded(name);
	}

}
