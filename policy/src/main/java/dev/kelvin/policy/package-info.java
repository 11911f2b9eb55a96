/**
 * Kelvin's rule-based {@link dev.kelvin.core.port.Policy}: a Drools rule base compiled from the
 * DRL files under {@code dev/kelvin/policy/rules/} and an operator's folder ({@link
 * dev.kelvin.policy.RuleDirectory}, reloaded on change by {@link dev.kelvin.policy.RuleReloader}),
 * fed with the facts of each snapshot and the predictions of each tick, answering with proposed
 * actions that name the rule and the reason. {@link dev.kelvin.policy.RuleConfig} reads the
 * {@code policy:} section. Only {@code DroolsRuleBase} touches the Drools API.
 */
package dev.kelvin.policy;
