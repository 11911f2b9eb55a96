package dev.kelvin.telemetry.decode.sparkplug;

import java.util.concurrent.atomic.LongAdder;

/** The live counts behind {@link SparkplugStats}. Thread-safe. */
final class SparkplugCounters {
  final LongAdder births = new LongAdder();
  final LongAdder deaths = new LongAdder();
  final LongAdder staleDeaths = new LongAdder();
  final LongAdder deviceDeaths = new LongAdder();
  final LongAdder seqGaps = new LongAdder();
  final LongAdder dataBeforeBirth = new LongAdder();
  final LongAdder unknownAliases = new LongAdder();
  final LongAdder rebirthRequests = new LongAdder();
  final LongAdder rebirthRequestsFailed = new LongAdder();
  final LongAdder unmappedMetrics = new LongAdder();
  final LongAdder nullValues = new LongAdder();
  final LongAdder ignoredMessages = new LongAdder();

  SparkplugStats snapshot() {
    return new SparkplugStats(births.sum(), deaths.sum(), staleDeaths.sum(),
        deviceDeaths.sum(), seqGaps.sum(), dataBeforeBirth.sum(), unknownAliases.sum(),
        rebirthRequests.sum(), rebirthRequestsFailed.sum(), unmappedMetrics.sum(),
        nullValues.sum(), ignoredMessages.sum());
  }
}
