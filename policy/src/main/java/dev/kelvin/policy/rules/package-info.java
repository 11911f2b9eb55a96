/**
 * The facts the DRL rules in this package's resource folder match and the typed {@link
 * dev.kelvin.policy.rules.Proposal}s they insert; plain records, no Drools types. Facts: one
 * {@link dev.kelvin.policy.rules.NodeThermalFact} per node for the thermal rules; the snapshot's
 * nodes, jobs, sites, budgeted racks and open alarms, built in one place by {@link
 * dev.kelvin.policy.rules.SnapshotFacts}; core's predictions as they are; and the settings
 * record of every rule family.
 */
package dev.kelvin.policy.rules;
