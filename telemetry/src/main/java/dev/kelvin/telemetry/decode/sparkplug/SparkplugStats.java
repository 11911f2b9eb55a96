package dev.kelvin.telemetry.decode.sparkplug;

/**
 * What the Sparkplug codec has counted since it started; refused parts are counted by the
 * ingest accounting with their reasons, these are the protocol events beside them.
 *
 * @param births NBIRTH and DBIRTH messages taken
 * @param deaths NDEATH messages that ended their edge node's current session
 * @param staleDeaths NDEATH messages ignored: their bdSeq was not the current NBIRTH's (a
 *     broker delivering the Last Will of an older session), or no session was open
 * @param deviceDeaths DDEATH messages taken
 * @param seqGaps messages whose {@code seq} was not the one expected (lost or reordered)
 * @param dataBeforeBirth data messages of an edge node or device with no current birth
 * @param unknownAliases metrics sent by an alias their birth did not declare
 * @param rebirthRequests NCMD rebirth requests sent
 * @param rebirthRequestsFailed rebirth requests whose sending threw
 * @param unmappedMetrics metrics ignored because the mapping names no facility kind for them
 *     (Sparkplug's own {@code bdSeq}, {@code Node Control/*} and {@code Properties/*} aside)
 * @param nullValues mapped metrics that sent no value ({@code is_null})
 * @param ignoredMessages NCMD, DCMD and STATE messages, which carry no readings
 */
public record SparkplugStats(long births, long deaths, long staleDeaths, long deviceDeaths,
    long seqGaps, long dataBeforeBirth, long unknownAliases, long rebirthRequests,
    long rebirthRequestsFailed, long unmappedMetrics, long nullValues, long ignoredMessages) {}
