/**
 * Accounting for ingestion: counts of accepted, late and rejected inputs by reason, recent
 * reject samples for operators, and a per-key throttle for logging rejects.
 */
package dev.kelvin.core.ingest;
