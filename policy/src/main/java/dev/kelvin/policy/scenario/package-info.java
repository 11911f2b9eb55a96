/**
 * Rule scenarios: YAML files of given facts and the exact actions the rules must propose for
 * them, read by {@link dev.kelvin.policy.scenario.ScenarioReader} and run through the same
 * {@link dev.kelvin.policy.RulePolicy#decide} the controller calls by {@link
 * dev.kelvin.policy.scenario.ScenarioRunner}; {@code kelvin rules check} and the test suite run
 * them alike. docs/rules.md describes the format.
 */
package dev.kelvin.policy.scenario;
