package dev.kelvin.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of every rule family, one record per family ({@link PolicySettings} for the
 * thermal rules, and one for each other family), each inserted as a fact so that rules read
 * their thresholds from it. Immutable; {@link #with} replaces the record of one family.
 */
public final class RuleParameters {
  private final Map<Class<?>, Object> byType;

  private RuleParameters(Map<Class<?>, Object> byType) {
    this.byType = Map.copyOf(byType);
  }

  /** The defaults of every rule family Kelvin ships. */
  public static RuleParameters defaults() {
    return of(List.of(PolicySettings.defaults(), BudgetSettings.defaults(),
        EfficiencySettings.defaults(), CarbonSettings.defaults(), FailureSettings.defaults(),
        IdleSettings.defaults(), FailoverSettings.defaults()));
  }

  /** Exactly {@code settings}, one record per family. */
  public static RuleParameters of(Collection<?> settings) {
    Map<Class<?>, Object> map = new LinkedHashMap<>();
    for (Object value : settings) {
      if (map.put(value.getClass(), value) != null) {
        throw new IllegalArgumentException("two settings of " + value.getClass().getSimpleName()
            + ": give each rule family's settings once");
      }
    }
    return new RuleParameters(map);
  }

  /** These parameters with {@code value} in place of its family's record. */
  public RuleParameters with(Object value) {
    Map<Class<?>, Object> map = new LinkedHashMap<>(byType);
    map.put(value.getClass(), Objects.requireNonNull(value, "value"));
    return new RuleParameters(map);
  }

  /** The record of one family. */
  public <T> T get(Class<T> type) {
    Object value = byType.get(type);
    if (value == null) {
      throw new IllegalStateException("no " + type.getSimpleName() + " among the rule settings");
    }
    return type.cast(value);
  }

  /** Every record, to insert as facts. */
  public Collection<Object> all() {
    return byType.values();
  }
}
