/**
 * Kelvin's rule-based {@link dev.kelvin.core.port.Policy}: a Drools rule base compiled once from
 * the DRL files under {@code dev/kelvin/policy/rules/}, fed with one fact per node and the
 * predictions of each tick, answering with proposed actions that name the rule and the reason.
 * Only {@code DroolsRuleBase} touches the Drools API.
 */
package dev.kelvin.policy;
