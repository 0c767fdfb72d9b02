package org.dsmastery.observability;

/**
 * One query of one dashboard panel.
 *
 * @param dashboard the dashboard's uid
 * @param panel the panel's title
 * @param refId the query's reference within the panel (A, B, ...)
 * @param expr the PromQL expression
 */
public record PanelQuery(String dashboard, String panel, String refId, String expr) {

	@Override
	public String toString() {
		return this.dashboard + " / " + this.panel + " / " + this.refId + ": " + this.expr;
	}

}
