package dev.kelvin.dashboard;

/**
 * One node as {@code /api/nodes} and the {@code nodes} event show it. Metrics the latest
 * reading does not carry are {@code null}, never 0. {@code ageSeconds} is the time from the
 * reading's own timestamp to the snapshot, to 0.1 s; {@code stale} follows the cluster state's
 * rule (last heard from too long ago).
 */
record NodeRow(String site, String node, String rack, String at, double ageSeconds,
    boolean stale, Double powerWatts, Double cpuTempCelsius, Double cpuTempLimitCelsius,
    Double inletTempCelsius, Double cpuUtilRatio, Double cpuFreqMhz, Double cpuFreqCapMhz,
    Double cpuFreqMaxMhz, Double forecastPowerWatts) {}
