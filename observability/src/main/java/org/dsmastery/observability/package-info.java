/**
 * The platform's dashboards and alert rules as code, seen from Java: the metric catalogue
 * the services export ({@link org.dsmastery.observability.MetricCatalogue}), the
 * dashboards' queries ({@link org.dsmastery.observability.Dashboards}) and a runner that
 * asks a live Prometheus each of them ({@link org.dsmastery.observability.PanelQueries}).
 */
package org.dsmastery.observability;
