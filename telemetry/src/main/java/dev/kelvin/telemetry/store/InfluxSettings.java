package dev.kelvin.telemetry.store;

import dev.kelvin.telemetry.store.spool.SpoolSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how {@link InfluxStore} writes: the InfluxDB 1.x server and database, the login,
 * how points are batched, how long a write may take, where points wait while InfluxDB does not
 * take them (the spool) and how often a write is tried again. Error messages name the
 * configuration key (under {@code store.influx.}) that the application reads each value from.
 * {@link #toString()} never shows the password.
 *
 * @param url the HTTP API, e.g. {@code http://127.0.0.1:8086}
 * @param retentionPolicy empty writes to the database's default retention policy
 * @param password given with {@code username}; the application reads it from a file or an
 *     environment variable, never from the configuration itself
 * @param batchPoints a batch is written once it holds this many points
 * @param flushInterval ... or once its oldest point has waited this long
 * @param queueBatches full batches waiting for the writer; when more are full (InfluxDB slow),
 *     the next one goes straight to the spool instead of blocking ingestion
 * @param spoolLimitBytes the spool refuses records beyond this size: the alarm
 * @param retryMin the wait after the first failed write before the next try; it doubles with
 *     each failure up to {@code retryMax}
 */
public record InfluxSettings(URI url, String database, Optional<String> retentionPolicy,
    Optional<String> username, Optional<String> password, int batchPoints,
    Duration flushInterval, int queueBatches, Duration connectTimeout, Duration readTimeout,
    Path spoolDir, long spoolLimitBytes, Duration retryMin, Duration retryMax) {
  /** The most points one batch may hold: InfluxDB's default body limit is 25 MB. */
  public static final int MAX_BATCH_POINTS = 50_000;
  private static final String KEY = "store.influx.";

  public InfluxSettings {
    requireUrl(url);
    Objects.requireNonNull(database, KEY + "database");
    if (database.isBlank()) {
      throw invalid("database", "must name the database to write to, was blank");
    }
    Objects.requireNonNull(retentionPolicy, KEY + "retention_policy");
    Objects.requireNonNull(username, KEY + "username");
    Objects.requireNonNull(password, KEY + "password");
    if (password.isPresent() && username.isEmpty()) {
      throw invalid("password_file", "a password was given without a username (set username)");
    }
    requireRange("batch_points", batchPoints, 1, MAX_BATCH_POINTS, "points");
    requireRange("queue_batches", queueBatches, 1, 1_000, "batches");
    requireDuration("flush_interval", flushInterval, Duration.ofMillis(10), Duration.ofMinutes(1));
    requireDuration("connect_timeout", connectTimeout, Duration.ofMillis(100),
        Duration.ofMinutes(5));
    requireDuration("read_timeout", readTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
    Objects.requireNonNull(spoolDir, KEY + "spool_dir");
    if (spoolLimitBytes < SpoolSettings.DEFAULT_SEGMENT_BYTES) {
      throw invalid("spool_limit", "must be at least one spool segment, 16 MiB (16777216"
          + " bytes), was " + spoolLimitBytes + " bytes (a value in MiB or GiB given as bytes?)");
    }
    requireDuration("retry_min", retryMin, Duration.ofMillis(10), Duration.ofMinutes(10));
    requireDuration("retry_max", retryMax, retryMin, Duration.ofHours(1));
  }

  /**
   * The defaults for {@code database} at {@code url}: no login, the default retention policy,
   * batches of 50,000 points or 1 s, 4 full batches queued, 5 s to connect and 10 s to answer,
   * a 1 GiB spool in {@code spoolDir}, retries after 1 s doubling to 30 s.
   */
  public static InfluxSettings defaults(URI url, String database, Path spoolDir) {
    return new InfluxSettings(url, database, Optional.empty(), Optional.empty(),
        Optional.empty(), MAX_BATCH_POINTS, Duration.ofSeconds(1), 4, Duration.ofSeconds(5),
        Duration.ofSeconds(10), spoolDir, 1L << 30, Duration.ofSeconds(1),
        Duration.ofSeconds(30));
  }

  /** The disk spool's settings: {@link #spoolDir()}, {@link #spoolLimitBytes()}, fsync on. */
  public SpoolSettings spoolSettings() {
    return SpoolSettings.defaults(spoolDir).withLimitBytes(spoolLimitBytes);
  }

  public InfluxSettings withLogin(String user, String secret) {
    return new InfluxSettings(url, database, retentionPolicy, Optional.of(user),
        Optional.of(secret), batchPoints, flushInterval, queueBatches, connectTimeout,
        readTimeout, spoolDir, spoolLimitBytes, retryMin, retryMax);
  }

  public InfluxSettings withRetentionPolicy(String policy) {
    return new InfluxSettings(url, database, Optional.of(policy), username, password,
        batchPoints, flushInterval, queueBatches, connectTimeout, readTimeout, spoolDir,
        spoolLimitBytes, retryMin, retryMax);
  }

  public InfluxSettings withBatching(int points, Duration interval, int queued) {
    return new InfluxSettings(url, database, retentionPolicy, username, password, points,
        interval, queued, connectTimeout, readTimeout, spoolDir, spoolLimitBytes, retryMin,
        retryMax);
  }

  public InfluxSettings withTimeouts(Duration connect, Duration read) {
    return new InfluxSettings(url, database, retentionPolicy, username, password, batchPoints,
        flushInterval, queueBatches, connect, read, spoolDir, spoolLimitBytes, retryMin,
        retryMax);
  }

  public InfluxSettings withSpool(Path dir, long limitBytes) {
    return new InfluxSettings(url, database, retentionPolicy, username, password, batchPoints,
        flushInterval, queueBatches, connectTimeout, readTimeout, dir, limitBytes, retryMin,
        retryMax);
  }

  public InfluxSettings withRetry(Duration min, Duration max) {
    return new InfluxSettings(url, database, retentionPolicy, username, password, batchPoints,
        flushInterval, queueBatches, connectTimeout, readTimeout, spoolDir, spoolLimitBytes,
        min, max);
  }

  @Override
  public String toString() {
    return "InfluxSettings[" + url + " database " + database
        + retentionPolicy.map(rp -> " rp " + rp).orElse("")
        + username.map(user -> " as " + user + (password.isPresent() ? " (password hidden)"
            : "")).orElse(" (no login)")
        + ", batches of " + batchPoints + " points or " + flushInterval.toMillis() + " ms, "
        + queueBatches + " queued, timeouts " + connectTimeout.toMillis() + "/"
        + readTimeout.toMillis() + " ms, spool " + spoolDir + " up to " + spoolLimitBytes
        + " bytes, retry " + retryMin.toMillis() + ".." + retryMax.toMillis() + " ms]";
  }

  private static void requireUrl(URI url) {
    Objects.requireNonNull(url, KEY + "url");
    String scheme = url.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))
        || url.getHost() == null || url.getUserInfo() != null) {
      throw invalid("url", "'" + url.getScheme() + "://" + url.getHost() + "...' must look"
          + " like http://host:8086 (or https://), with no login in it (use username and"
          + " password_file)");
    }
  }

  private static void requireRange(String key, long value, long min, long max, String unit) {
    if (value < min || value > max) {
      throw invalid(key, "must be within " + min + ".." + max + " " + unit + ", was " + value);
    }
  }

  private static void requireDuration(String key, Duration value, Duration min, Duration max) {
    Objects.requireNonNull(value, KEY + key);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw invalid(key, "must be within " + min.toMillis() + ".." + max.toMillis() + " ms, was "
          + value.toMillis() + " ms (a value in seconds given as milliseconds?)");
    }
  }

  private static IllegalArgumentException invalid(String key, String problem) {
    return new IllegalArgumentException(KEY + key + " " + problem);
  }
}
