package dev.kelvin.telemetry.decode.telegraf;

import java.util.Objects;

/**
 * One value a line gives towards a reading: its target, how it combines with the values other
 * lines give to the same target, and the member it stands for (a CPU id, a package, a power
 * supply) so that a repeated line is not counted twice.
 *
 * @param value checked against the metric's range, in the metric's unit
 */
record Contribution(Target target, Aggregation aggregation, String member, double value) {
  Contribution {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(aggregation, "aggregation");
    Objects.requireNonNull(member, "member");
  }
}
