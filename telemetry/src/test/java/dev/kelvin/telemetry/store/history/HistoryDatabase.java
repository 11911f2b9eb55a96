package dev.kelvin.telemetry.store.history;

import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.telemetry.store.InfluxSettings;
import dev.kelvin.telemetry.store.InfluxStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * A database of its own on the test services' InfluxDB ({@code scripts/services.sh env}) for one
 * test, filled through the real {@link InfluxStore} and dropped on close. Other modules' tests
 * use it through this module's test jar.
 */
public final class HistoryDatabase implements AutoCloseable {
  private final URI url = URI.create(TestServices.required("KELVIN_IT_INFLUX_URL"));
  private final String username = TestServices.required("KELVIN_IT_INFLUX_USERNAME");
  private final String password = TestServices.required("KELVIN_IT_INFLUX_PASSWORD");
  private final String name = TestServices.unique("kelvin_history_it").replace('-', '_');
  private final InfluxDB admin = InfluxDBFactory.connect(url.toString(), username, password);
  private final Path spoolDir;

  public HistoryDatabase(Path spoolDir) {
    this.spoolDir = spoolDir;
    execute("CREATE DATABASE " + name);
  }

  /** The store's settings for this database, batches of 20,000 points or 200 ms. */
  public InfluxSettings settings() {
    return InfluxSettings.defaults(url, name, spoolDir).withLogin(username, password)
        .withBatching(20_000, Duration.ofMillis(200), 1_000);
  }

  /** Writes what {@code feed} offers through a real store, and waits until all is stored. */
  public void write(Consumer<Consumer<NodeReading>> feed) {
    try (InfluxStore store = InfluxStore.open(settings(), InstantSource.system())) {
      feed.accept(reading -> store.accept(reading, reading.at()));
    }
  }

  /**
   * Hands a real store to {@code feed} (for the nodes' changes of availability, say), and waits
   * until all it took is stored.
   */
  public void writeThrough(Consumer<InfluxStore> feed) {
    try (InfluxStore store = InfluxStore.open(settings(), InstantSource.system())) {
      feed.accept(store);
    }
  }

  /** The rows of every series of {@code influxQl}'s answer, asked of this database. */
  public List<List<Object>> rows(String influxQl) {
    QueryResult result = admin.query(new Query(influxQl, name));
    if (result.hasError() || result.getResults().get(0).hasError()) {
      throw new IllegalStateException(influxQl + ": " + result.getError() + " "
          + result.getResults());
    }
    List<List<Object>> rows = new ArrayList<>();
    List<QueryResult.Series> series = result.getResults().get(0).getSeries();
    for (QueryResult.Series each : series == null ? List.<QueryResult.Series>of() : series) {
      rows.addAll(each.getValues());
    }
    return rows;
  }

  private void execute(String influxQl) {
    QueryResult result = admin.query(new Query(influxQl, null, true));
    if (result.hasError()) {
      throw new IllegalStateException(influxQl + ": " + result.getError());
    }
  }

  @Override
  public void close() {
    try {
      execute("DROP DATABASE " + name);
    } finally {
      admin.close();
    }
  }
}
