package org.dsmastery.tangled.application;

import org.dsmastery.tangled.adapter.out.persistence.JdbcWidgets;
import org.dsmastery.tangled.domain.Widget;

/** Breaks "application/ knows no adapter": it uses the persistence adapter. */
public class WidgetService {

	private final JdbcWidgets widgets;

	public WidgetService(JdbcWidgets widgets) {
		this.widgets = widgets;
	}

	public void add(String name) {
		this.widgets.add(new Widget(name));
	}

}
