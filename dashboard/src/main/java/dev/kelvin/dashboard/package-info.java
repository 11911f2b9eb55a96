/**
 * The operator's dashboard: a Javalin server that shows live nodes, the action log, ingest
 * health and total power over time, as a REST API, a server-sent event stream and a page with
 * no external resources, behind a guarded HTTP surface (Host check, security headers, bounded
 * streams, request deadlines). Only {@link dev.kelvin.dashboard.DashboardServer}, its settings,
 * its sources and its counts ({@link dev.kelvin.dashboard.DashboardStats}) are public; Javalin,
 * Jetty and Jackson stay inside this package.
 */
package dev.kelvin.dashboard;
