/**
 * The append-only audit trail: every action, approved or not, with who decided, which rule,
 * the facts, and the result read back from the hardware.
 */
package dev.kelvin.core.audit;
