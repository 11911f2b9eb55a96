package dev.kelvin.app.ingest;

import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.telemetry.store.InfluxSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * A database of its own on the test services' InfluxDB for one test, dropped on close, and the
 * queries the test counts with.
 */
final class RestartDatabase implements AutoCloseable {
  private final URI url;
  private final String username;
  private final String password;
  private final String name;
  private final InfluxDB client;

  RestartDatabase() {
    this.url = URI.create(TestServices.required("KELVIN_IT_INFLUX_URL"));
    this.username = TestServices.required("KELVIN_IT_INFLUX_USERNAME");
    this.password = TestServices.required("KELVIN_IT_INFLUX_PASSWORD");
    this.name = TestServices.unique("kelvin_restart").replace('-', '_');
    this.client = InfluxDBFactory.connect(url.toString(), username, password);
    execute("CREATE DATABASE " + name);
  }

  /** The store's settings for this database, its spool in {@code spoolDir}. */
  InfluxSettings settings(Path spoolDir) {
    return InfluxSettings.defaults(url, name, spoolDir).withLogin(username, password);
  }

  /** The rows of every series of {@code influxQl}'s answer, each with its tags' values first. */
  List<List<Object>> rows(String influxQl) {
    QueryResult result = client.query(new Query(influxQl, name));
    requireNoError(influxQl, result.getError());
    List<List<Object>> rows = new ArrayList<>();
    for (QueryResult.Result each : result.getResults()) {
      requireNoError(influxQl, each.getError());
      if (each.getSeries() == null) {
        continue;
      }
      for (QueryResult.Series series : each.getSeries()) {
        for (List<Object> values : series.getValues()) {
          List<Object> row = new ArrayList<>();
          if (series.getTags() != null) {
            row.addAll(series.getTags().values());
          }
          row.addAll(values);
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private void execute(String influxQl) {
    QueryResult result = client.query(new Query(influxQl, null, true));
    requireNoError(influxQl, result.getError());
  }

  private static void requireNoError(String influxQl, String error) {
    if (error != null) {
      throw new IllegalStateException(influxQl + ": " + error);
    }
  }

  @Override
  public void close() {
    try {
      execute("DROP DATABASE " + name);
    } finally {
      client.close();
    }
  }
}
