/**
 * The facts the DRL rules in this package's resource folder match and the typed {@link
 * dev.kelvin.policy.rules.Proposal}s they insert; plain records, no Drools types. Facts: one
 * {@link dev.kelvin.policy.rules.NodeThermalFact} per node for the thermal rules; the snapshot's
 * nodes, jobs, sites, budgeted racks and open alarms, built in one place by {@link
 * dev.kelvin.policy.rules.SnapshotFacts}, with what the availability rules read beside them
 * (running jobs by node, site leases, node availability; see {@link
 * dev.kelvin.policy.rules.AvailabilityFacts}); each site's grid outlook by its last day of grid
 * readings ({@link dev.kelvin.policy.rules.GridOutlook}, kept from tick to tick); core's
 * predictions as they are; and the settings record of every rule family. Where a rule's
 * arithmetic or wording is more than a comparison it is Java here ({@link
 * dev.kelvin.policy.rules.FailureProposals}, {@link dev.kelvin.policy.rules.IdlePlan}, {@link
 * dev.kelvin.policy.rules.SiteDanger}, {@link dev.kelvin.policy.rules.HoldPlan}), so that it is
 * unit-tested and cheap. The power rules (budget, energy efficiency, carbon and price) keep
 * their arithmetic in {@link dev.kelvin.policy.rules.BudgetPlan} and {@link
 * dev.kelvin.policy.rules.ClockPlan}, propose {@link dev.kelvin.policy.rules.PowerProposal}s,
 * and insert {@link dev.kelvin.policy.rules.CapHold}s for the caps the thermal release must
 * leave alone.
 */
package dev.kelvin.policy.rules;
