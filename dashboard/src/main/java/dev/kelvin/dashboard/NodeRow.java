package dev.kelvin.dashboard;

/**
 * One node as {@code /api/nodes} and the {@code nodes} event show it. Metrics the latest
 * reading does not carry are {@code null}, never 0. {@code ageSeconds} is the time from the
 * reading's own timestamp to the snapshot, to 0.1 s; {@code stale} follows the cluster state's
 * rule (last heard from too long ago).
 *
 * <p>{@code state} ({@code idle}, {@code busy}, {@code suspended}, {@code booting},
 * {@code down}), {@code drained}, {@code drainedByKelvin} and {@code stateSince} are what the
 * workload manager says of the node; all four are {@code null} when it says nothing of it. A
 * node it reports that sends no telemetry has a row too, with {@code rack}, {@code at},
 * {@code ageSeconds} and every metric {@code null} and {@code stale} false.
 */
record NodeRow(String site, String node, String rack, String at, Double ageSeconds,
    boolean stale, Double powerWatts, Double cpuTempCelsius, Double cpuTempLimitCelsius,
    Double inletTempCelsius, Double cpuUtilRatio, Double cpuFreqMhz, Double cpuFreqCapMhz,
    Double cpuFreqMaxMhz, Double forecastPowerWatts, String state, Boolean drained,
    Boolean drainedByKelvin, String stateSince) {}
