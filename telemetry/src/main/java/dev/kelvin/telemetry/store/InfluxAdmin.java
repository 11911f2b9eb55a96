package dev.kelvin.telemetry.store;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * What a benchmark or an operator's check asks of InfluxDB besides writes: make or drop a
 * database, and count what a query finds. The store itself never creates a database.
 */
public final class InfluxAdmin implements AutoCloseable {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

  private final InfluxDB client;
  private final InfluxSettings settings;

  /** A client on the store's InfluxDB, with its login. */
  public InfluxAdmin(InfluxSettings settings) {
    this.settings = settings;
    String url = settings.url().toString();
    this.client = settings.username().isPresent()
        ? InfluxDBFactory.connect(url, settings.username().get(),
            settings.password().orElse(""))
        : InfluxDBFactory.connect(url);
  }

  /** Creates the settings' database (nothing happens when it exists). */
  public void createDatabase() {
    run("CREATE DATABASE " + name());
  }

  /** Drops the settings' database and everything in it. */
  public void dropDatabase() {
    run("DROP DATABASE " + name());
  }

  /**
   * The first number {@code influxQl} answers in the settings' database ({@code SELECT
   * count(power_w) FROM node}); 0 when it finds nothing.
   */
  public long count(String influxQl) {
    List<List<Object>> rows = rows(influxQl);
    return rows.isEmpty() ? 0 : Math.round(((Number) rows.get(0).get(1)).doubleValue());
  }

  private List<List<Object>> rows(String influxQl) {
    QueryResult result = client.query(new Query(influxQl, settings.database()));
    requireNoError(influxQl, result.getError());
    List<List<Object>> rows = new ArrayList<>();
    for (QueryResult.Result each : result.getResults()) {
      requireNoError(influxQl, each.getError());
      if (each.getSeries() != null && !each.getSeries().isEmpty()) {
        rows.addAll(each.getSeries().get(0).getValues());
      }
    }
    return rows;
  }

  private void run(String influxQl) {
    QueryResult result = client.query(new Query(influxQl, null, true));
    requireNoError(influxQl, result.getError());
  }

  private String name() {
    if (!NAME.matcher(settings.database()).matches()) {
      throw new IllegalArgumentException("database name '" + settings.database() + "' must be"
          + " 1-64 letters, digits or '_' to be created or dropped here");
    }
    return settings.database();
  }

  private void requireNoError(String influxQl, String error) {
    if (error != null) {
      throw new IllegalStateException("InfluxDB at " + settings.url() + " refused '" + influxQl
          + "': " + error);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
