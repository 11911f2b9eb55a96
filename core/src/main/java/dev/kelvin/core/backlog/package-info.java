/**
 * The controller's own ingest backlog: readings received but not yet applied to the state
 * ({@link dev.kelvin.core.backlog.IngestQueue}, which keeps each node's newest reading and sheds
 * superseded ones when it is long), how late readings arrive from the broker, and the rule that
 * says when the controller is blind through its own fault rather than the nodes'
 * ({@link dev.kelvin.core.backlog.IngestMonitor}).
 */
package dev.kelvin.core.backlog;
