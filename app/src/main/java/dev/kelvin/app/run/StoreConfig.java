package dev.kelvin.app.run;

import dev.kelvin.app.config.Passwords;
import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.telemetry.store.InfluxSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code store.influx} section: where kept readings, facility readings and actions are
 * written. Without {@code url} nothing is stored and history is the live state's window; the
 * demo needs no database.
 */
final class StoreConfig {
  private StoreConfig() {}

  static Optional<InfluxSettings> read(ConfigTree section) {
    Optional<String> url = section.optionalString("url");
    Optional<String> database = section.optionalString("database");
    Optional<String> retention = section.optionalString("retention_policy");
    Optional<String> username = section.optionalString("username");
    Optional<String> password = Passwords.read(section);
    InfluxSettings d = InfluxSettings.defaults(URI.create("http://127.0.0.1:8086"), "kelvin",
        Path.of("kelvin-data", "spool"));
    int batch = section.integer("batch_points", d.batchPoints(), 1,
        InfluxSettings.MAX_BATCH_POINTS);
    Duration flush = section.duration("flush_interval", d.flushInterval());
    int queued = section.integer("queue_batches", d.queueBatches(), 1, 1_000);
    Duration connect = section.duration("connect_timeout", d.connectTimeout());
    Duration read = section.duration("read_timeout", d.readTimeout());
    Path spool = section.path("spool_dir", d.spoolDir());
    long spoolLimit = section.bytes("spool_limit", d.spoolLimitBytes());
    Duration retryMin = section.duration("retry_min", d.retryMin());
    Duration retryMax = section.duration("retry_max", d.retryMax());
    if (url.isEmpty()) {
      return Optional.empty();
    }
    String name = database.orElseThrow(() -> new ConfigException(section.source(),
        "store.influx.database", null, "name the database to write to (Kelvin does not"
            + " create it): CREATE DATABASE kelvin"));
    return Optional.of(section.build(() -> new InfluxSettings(URI.create(url.get()), name,
        retention, username, password, batch, flush, queued, connect, read, spool, spoolLimit,
        retryMin, retryMax)));
  }
}
