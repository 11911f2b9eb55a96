package dev.kelvin.predictor.failure.logs;

import dev.kelvin.datasets.failure.ReadRows;
import dev.kelvin.datasets.failure.TitanGpuLog;
import dev.kelvin.datasets.failure.TitanPlacement;
import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureDataSource;
import dev.kelvin.predictor.failure.FailureExamples;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The Titan GPU placements, 2013-2019, as one system ({@code titan}) of node slots: each Cray
 * node holds one GPU, so a slot is a node. A failure is the removal of a GPU for a double-bit
 * ECC error or for falling off the bus. A slot is watched from its first placement (its insert,
 * or its removal where the insert is blank) to the end of the data, and is down from a failed
 * GPU's removal until the next GPU is put in. The slot, not the GPU, is the unit: a failed GPU
 * leaves service, so a GPU's own history never predicts anything, while a slot's may (cooling,
 * power, position in the cabinet).
 */
public final class TitanSource implements FailureDataSource {
  static final String FILE = "gc_full.csv.gz";

  @Override
  public String name() {
    return "titan";
  }

  @Override
  public boolean matches(Path path) {
    return LogSources.holds(path, FILE);
  }

  @Override
  public FailureExamples examples(Path path, ExampleSettings settings,
      Consumer<String> progress) {
    Path file = LogSources.file(path, FILE);
    ReadRows<TitanPlacement> read = TitanGpuLog.read(file);
    LogSources.report(read.bad(), progress);
    Instant end = read.records().stream().map(TitanPlacement::removed)
        .max(Comparator.naturalOrder()).orElseThrow(() -> new IllegalArgumentException(file
            + " holds no placements"));
    Map<String, List<TitanPlacement>> bySlot = read.records().stream()
        .collect(Collectors.groupingBy(TitanPlacement::location, TreeMap::new,
            Collectors.toList()));
    List<NodeLog> nodes = new ArrayList<>();
    bySlot.forEach((slot, placements) -> nodes.add(slot(slot, placements, end)));
    return LogSources.examples(name(), List.of(new SystemLog("titan", nodes)), settings,
        List.of(file), progress);
  }

  static NodeLog slot(String slot, List<TitanPlacement> placements, Instant end) {
    List<TitanPlacement> sorted = placements.stream()
        .sorted(Comparator.comparing(TitanPlacement::removed)).toList();
    Instant first = sorted.stream().map(p -> p.inserted().orElse(p.removed()))
        .min(Comparator.naturalOrder()).orElseThrow();
    List<Instant> failures = new ArrayList<>();
    List<NodeLog.Outage> outages = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      TitanPlacement placement = sorted.get(i);
      if (placement.failed()) {
        failures.add(placement.removed());
        Instant next = i + 1 < sorted.size()
            ? sorted.get(i + 1).inserted().orElse(placement.removed()) : placement.removed();
        if (next.isAfter(placement.removed())) {
          outages.add(new NodeLog.Outage(placement.removed(), next));
        }
      }
    }
    return new NodeLog(slot, first, end.isBefore(first) ? first : end, failures, outages);
  }
}
