/**
 * The durable audit trail: {@link dev.kelvin.policy.audit.JsonlAuditLog} appends every audit
 * record as one JSON object per line, written through to the operating system before {@code
 * append} returns, answers queries from an in-memory tail, and picks up numbering where the
 * file left off after a restart or a crash. It writes to the file its path names (moved,
 * deleted or replaced files are opened afresh), keeps records in memory while the file cannot
 * take them and says so ({@code writing()}), so that nothing is carried out meanwhile. Each
 * line is sealed into a SHA-256 hash chain ({@code AuditChain}), checked from the first line
 * when the file is opened; {@link dev.kelvin.policy.audit.AuditVerifier} checks files on
 * their own, for {@code kelvin audit verify}.
 */
package dev.kelvin.policy.audit;
