/**
 * The durable audit trail: {@link dev.kelvin.policy.audit.JsonlAuditLog} appends every audit
 * record as one JSON object per line, written through to the operating system before {@code
 * append} returns, answers queries from an in-memory tail, and picks up numbering where the
 * file left off after a restart or a crash.
 */
package dev.kelvin.policy.audit;
