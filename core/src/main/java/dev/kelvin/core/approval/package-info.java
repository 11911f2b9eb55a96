/**
 * Actions held for an operator: the {@link dev.kelvin.core.approval.ApprovalStore} keeps each
 * held action from proposed through approved, rejected or expired to executing and succeeded
 * or failed, and audits every transition with its actor.
 */
package dev.kelvin.core.approval;
