package dev.kelvin.telemetry.store.history;

import static dev.kelvin.core.testkit.Readings.reading;

import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.testkit.HistorySourceContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link InfluxHistory} keeps the port's contract against the real InfluxDB 1.x of
 * scripts/services.sh: each case's readings (counters included) are written through the real
 * {@code InfluxStore} into a database of its own, then read back with InfluxQL ({@code mean()}
 * and {@code last()} per step); the nodes' changes of availability likewise, into {@code
 * node_state}, read back as failures.
 */
class InfluxHistoryContractIT extends HistorySourceContract {
  /**
   * A fixed whole minute: InfluxDB keeps points of any age (the test database's retention is
   * infinite), so the readings need not be stamped near the real clock.
   */
  private static final Instant T0 = Instant.parse("2026-01-02T00:00:00Z");

  @TempDir
  Path spoolDir;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @Override
  protected Instant t0() {
    return T0;
  }

  @Override
  protected HistorySource storing(List<Stored> readings) {
    HistoryDatabase db = new HistoryDatabase(spoolDir);
    opened.add(db);
    db.write(sink -> {
      long seq = 0;
      for (Stored stored : readings) {
        sink.accept(reading().node(stored.node()).at(stored.at()).seq(seq++)
            .with(stored.metric(), stored.value()).build());
      }
    });
    InfluxHistory history = new InfluxHistory(db.settings());
    opened.add(0, history);
    return history;
  }

  @Override
  protected HistorySource storingChanges(List<NodeAvailability> changes) {
    HistoryDatabase db = new HistoryDatabase(spoolDir);
    opened.add(db);
    db.writeThrough(store -> changes.forEach(store::acceptAvailability));
    InfluxHistory history = new InfluxHistory(db.settings());
    opened.add(0, history);
    return history;
  }

  @AfterEach
  void drop() throws Exception {
    for (AutoCloseable each : opened) {
      each.close();
    }
  }
}
