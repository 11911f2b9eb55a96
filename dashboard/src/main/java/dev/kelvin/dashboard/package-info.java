/**
 * The operator's dashboard: a Javalin server that shows live nodes, the action log, ingest
 * health and total power over time, as a REST API, a server-sent event stream and a page with
 * no external resources. Only {@link dev.kelvin.dashboard.DashboardServer}, its settings and
 * its sources are public; Javalin and Jackson stay inside this package.
 */
package dev.kelvin.dashboard;
