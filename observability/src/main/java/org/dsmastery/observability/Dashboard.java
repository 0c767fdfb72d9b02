package org.dsmastery.observability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One Grafana dashboard as provisioned from {@code observability/grafana/dashboards}.
 *
 * @param file the JSON file it was read from
 * @param json the dashboard model
 */
public record Dashboard(Path file, JsonNode json) {

	/**
	 * Returns the dashboard's uid.
	 * @return the uid, or empty when it has none
	 */
	public String uid() {
		return text(this.json.path("uid"));
	}

	/**
	 * Returns the dashboard's title.
	 * @return the title, or empty when it has none
	 */
	public String title() {
		return text(this.json.path("title"));
	}

	/**
	 * Returns every panel that shows data: the panels at the top level and those inside
	 * rows, without the rows themselves.
	 * @return the panels in the order of the file
	 */
	public List<JsonNode> panels() {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : this.json.path("panels").values()) {
			if ("row".equals(text(panel.path("type")))) {
				panels.addAll(panel.path("panels").values());
			}
			else {
				panels.add(panel);
			}
		}
		return panels;
	}

	/**
	 * Returns the dashboard's template variables.
	 * @return the entries of {@code templating.list}
	 */
	public List<JsonNode> variables() {
		return List.copyOf(this.json.path("templating").path("list").values());
	}

	/**
	 * Returns every query of every panel as written, template variables and all.
	 * @return the queries, panel by panel
	 */
	public List<PanelQuery> queries() {
		List<PanelQuery> queries = new ArrayList<>();
		for (JsonNode panel : panels()) {
			for (JsonNode target : panel.path("targets").values()) {
				if (!target.path("hide").asBoolean(false)) {
					queries.add(new PanelQuery(uid(), text(panel.path("title")), text(target.path("refId")),
							text(target.path("expr"))));
				}
			}
		}
		return queries;
	}

	static String text(JsonNode node) {
		return node.isString() ? node.stringValue() : "";
	}

}
