/**
 * The facts the DRL rules in this package's resource folder match (one {@link
 * dev.kelvin.policy.rules.NodeThermalFact} per node, plus core's predictions) and the typed
 * {@link dev.kelvin.policy.rules.Proposal}s they insert; plain records, no Drools types.
 */
package dev.kelvin.policy.rules;
