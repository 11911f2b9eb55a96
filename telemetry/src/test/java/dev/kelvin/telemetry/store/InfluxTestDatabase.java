package dev.kelvin.telemetry.store;

import dev.kelvin.core.testkit.TestServices;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * A database of its own on a real InfluxDB for one test, dropped on close, and the queries
 * tests count with.
 */
public final class InfluxTestDatabase implements AutoCloseable {
  private final URI url;
  private final String username;
  private final String password;
  private final String name;
  private final InfluxDB client;

  InfluxTestDatabase(URI url, String username, String password) {
    this.url = url;
    this.username = username;
    this.password = password;
    this.name = TestServices.unique("kelvin_it").replace('-', '_');
    this.client = InfluxDBFactory.connect(url.toString(), username, password);
    execute("CREATE DATABASE " + name);
  }

  /** A database on the test services' InfluxDB ({@code scripts/services.sh env}). */
  public static InfluxTestDatabase onTestServices() {
    return new InfluxTestDatabase(URI.create(TestServices.required("KELVIN_IT_INFLUX_URL")),
        TestServices.required("KELVIN_IT_INFLUX_USERNAME"),
        TestServices.required("KELVIN_IT_INFLUX_PASSWORD"));
  }

  /** Store settings for this database, with the spool in {@code spoolDir}. */
  public InfluxSettings settings(Path spoolDir) {
    return InfluxSettings.defaults(url, name, spoolDir).withLogin(username, password);
  }

  String name() {
    return name;
  }

  /** The first value of the first row of {@code influxQl}'s answer as a number; 0 if none. */
  public long count(String influxQl) {
    List<List<Object>> rows = rows(influxQl);
    return rows.isEmpty() ? 0 : Math.round(((Number) rows.get(0).get(1)).doubleValue());
  }

  /** The rows of the answer's first series (time first), empty when there is none. */
  List<List<Object>> rows(String influxQl) {
    QueryResult result = client.query(new Query(influxQl, name));
    if (result.hasError()) {
      throw new IllegalStateException(influxQl + ": " + result.getError());
    }
    List<List<Object>> rows = new ArrayList<>();
    for (QueryResult.Result each : result.getResults()) {
      if (each.hasError()) {
        throw new IllegalStateException(influxQl + ": " + each.getError());
      }
      if (each.getSeries() != null && !each.getSeries().isEmpty()) {
        rows.addAll(each.getSeries().get(0).getValues());
      }
    }
    return rows;
  }

  void execute(String influxQl) {
    QueryResult result = client.query(new Query(influxQl, null, true));
    if (result.hasError()) {
      throw new IllegalStateException(influxQl + ": " + result.getError());
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
