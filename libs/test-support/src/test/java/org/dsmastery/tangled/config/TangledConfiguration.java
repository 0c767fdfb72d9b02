package org.dsmastery.tangled.config;

import org.dsmastery.tangled.adapter.out.persistence.JdbcWidgets;
import org.dsmastery.tangled.application.WidgetService;

class TangledConfiguration {

	WidgetService widgetService(TangledProperties properties) {
		return new WidgetService(new JdbcWidgets(properties));
	}

}
