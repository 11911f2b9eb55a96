package dev.kelvin.telemetry.decode.telegraf;

/**
 * How the values several lines give for one metric of one node (or device) at one instant
 * combine: the lines of one message, and the messages of one instant when Telegraf sends one
 * metric per message ({@code batch = false}).
 */
enum Aggregation {
  /** The last value given wins: a metric that one line reports for the node. */
  SET,
  /** The largest value: the hottest core, package or sensor. */
  MAX,
  /** The mean over distinct members (logical CPUs, GPUs). */
  MEAN,
  /** The sum over distinct members (packages, power supplies, GPUs). */
  SUM
}
