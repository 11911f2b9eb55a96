package dev.kelvin.telemetry.decode.telegraf;

/**
 * What the Telegraf codec has done since it was made, for {@code /metrics}.
 *
 * @param messages messages decoded (refused whole ones included)
 * @param lines lines read, other than comments and blank lines
 * @param mappedLines lines that gave values to a reading
 * @param ignoredLines lines of measurements or sensors Kelvin does not read: not errors
 * @param refused lines and readings refused, each with a reason in {@code Decoded.refused}
 * @param readings node readings produced
 * @param aggregateOverflows per-message aggregates not combined across messages because the
 *     running table was full ({@code max_running_aggregates})
 */
public record TelegrafStats(long messages, long lines, long mappedLines, long ignoredLines,
    long refused, long readings, long aggregateOverflows) {}
