package dev.kelvin.telemetry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store killed with SIGKILL while it spools (its InfluxDB away), then started again on the
 * same spool with the real InfluxDB: every point the killed store reported spooled is in
 * InfluxDB afterwards, and the points after them up to the last stored leave no gap (a torn
 * tail the kill made is counted and skipped, see SpoolCrashIT).
 */
class StoreCrashIT {
  private static final int SPOOLED_BEFORE_KILL = 20_000;

  @TempDir
  Path dir;

  private final InfluxTestDatabase db = InfluxTestDatabase.onTestServices();

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void a_store_killed_mid_spool_replays_every_spooled_point_once_after_a_restart()
      throws Exception {
    Path spool = dir.resolve("spool");
    long t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS)
        .toEpochMilli();
    long spooled = runAndKill(spool, t0);

    InfluxStore restarted = InfluxStore.open(StoreCrashChild.settings(db.settings(spool)
        .url(), db.settings(spool).database(), spool).withLogin(
            db.settings(spool).username().orElseThrow(),
            db.settings(spool).password().orElseThrow()), Clock.systemUTC());
    try {
      await().atMost(Duration.ofSeconds(120)).until(() ->
          restarted.stats().spooledRecords() == 0);
      assertThat(restarted.stats().pointsReplayed()).isGreaterThanOrEqualTo(spooled);
      assertThat(restarted.stats().lostTotal()).isZero();
    } finally {
      restarted.close();
    }
    assertThat(db.count("SELECT count(seq) FROM node WHERE time < " + (t0 + spooled) + "ms"))
        .as("every reading the killed store had spooled").isEqualTo(spooled);
    assertThat(db.count("SELECT count(seq) FROM node"))
        .as("no gap: one point per sequence number up to the last one stored")
        .isEqualTo(db.count("SELECT max(seq) FROM node") + 1);
  }

  /** Starts the child, waits until it spooled enough, kills it; the last count it printed. */
  private long runAndKill(Path spool, long t0) throws Exception {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path errors = dir.resolve("child.err");
    Process child = new ProcessBuilder(java, "-Xmx512m", "-cp",
        System.getProperty("java.class.path"), StoreCrashChild.class.getName(),
        spool.toString(), String.valueOf(t0)).redirectError(errors.toFile()).start();
    InputStream out = child.getInputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long[] last = {0};
    while (last[0] < SPOOLED_BEFORE_KILL) {
      if (!readLine(out, line, last)) {
        throw new AssertionError("the child ended before spooling " + SPOOLED_BEFORE_KILL
            + " points: " + Files.readString(errors));
      }
    }
    // SIGKILL through the handle, so that what it printed before dying can still be read
    assertThat(child.toHandle().destroyForcibly()).isTrue();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child gone after SIGKILL").isTrue();
    while (readLine(out, line, last)) {
      // the counts printed just before the kill count too
    }
    return last[0];
  }

  private static boolean readLine(InputStream in, ByteArrayOutputStream line, long[] last)
      throws IOException {
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    if (b < 0) {
      return false;
    }
    String text = line.toString(StandardCharsets.US_ASCII);
    line.reset();
    if (text.startsWith(StoreCrashChild.PRINTED)) {
      last[0] = Long.parseLong(text.substring(StoreCrashChild.PRINTED.length()));
    }
    return true;
  }
}
