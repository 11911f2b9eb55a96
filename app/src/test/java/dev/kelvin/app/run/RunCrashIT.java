package dev.kelvin.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.telemetry.store.InfluxSettings;
import dev.kelvin.telemetry.store.InfluxTestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The must-show "Kelvin killed with SIGKILL mid-spool and restarted: the spool replays, a torn
 * tail is counted, nothing else lost", with every part real: the packaged {@code kelvin run} in
 * a JVM of its own, the test services' Mosquitto, and their InfluxDB.
 *
 * <p>The first run's store points at a loopback port where nothing listens, so every batch goes
 * to the disk spool. 2,000 readings a second arrive through Mosquitto on the run's persistent
 * session (QoS 1, a client id of this test's own, {@code mqtt.instance}). Once {@code /metrics}
 * reports 2,000 points spooled, the run is killed with SIGKILL while readings keep coming; 150
 * more messages are published while it is dead (the broker queues them for its session); 12
 * bytes of a record header are appended to the newest spool segment, a torn write. The second
 * run, on the same spool, client id and the real InfluxDB, replays the spool and takes what the
 * broker kept. InfluxDB then holds every reading reported spooled before the kill and every
 * reading published after it, each once; the torn record is counted (1), nothing is corrupt (0),
 * and the log names the torn segment. Nothing else is lost either: the run acknowledges a
 * message to the broker only once its readings are spooled, so what the killed run had taken
 * but not yet spooled comes again from the broker (docs/telemetry.md, "Crash recovery").
 */
class RunCrashIT {
  private static final Logger LOG = LoggerFactory.getLogger(RunCrashIT.class);
  private static final SiteId SITE = SiteId.of("site-a");
  private static final int NODES = 10;
  /** 200 messages a second of {@link #NODES} readings: 2,000 readings a second. */
  private static final Duration PACE = Duration.ofMillis(5);
  private static final long SPOOLED_BEFORE_KILL = 2_000;
  private static final long PUBLISHED_WHILE_DEAD = 150;
  /** Twelve bytes of a record's 24-byte header: magic "KREC", a length, half a position. */
  private static final int FRAME_MAGIC = 0x4B524543;
  private static final int SEGMENT_HEADER_BYTES = 16;
  private static final int FRAME_HEADER_BYTES = 24;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  private final InfluxTestDatabase db = InfluxTestDatabase.onTestServices();
  private final Topics topics = TestServices.uniqueTopics();
  private final String instance = TestServices.unique("crash-it");

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void a_run_killed_mid_spool_replays_it_after_a_restart_counting_the_torn_tail_once()
      throws Exception {
    InfluxSettings influx = db.settings(dir.resolve("spool"));
    // the child runs on the real clock and checks readings against it (skew limits), so the
    // readings are dated from the wall clock here, not a virtual one
    Instant firstAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    Kill kill;
    try (KelvinRunProcess first = KelvinRunProcess.start("first run",
            config("first", "http://127.0.0.1:" + closedPort(), influx))
            .awaitReady(WAIT);
        ReadingPublisher publisher = new ReadingPublisher(TestServices.mqtt(), topics, SITE,
            NODES, firstAt, Duration.ofSeconds(1), PACE)) {
      kill = killMidSpool(first, publisher);
    }
    Path segment = newestSegment(dir.resolve("spool"));
    long tornAt = tearTail(segment);

    try (KelvinRunProcess second = KelvinRunProcess.start("second run",
        config("second", influx.url().toString(), influx)).awaitReady(WAIT)) {
      long publishedAfterKill = (kill.published() - kill.deadFrom()) * NODES;
      await("the spool replayed and every reading published after the kill stored")
          .atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() ->
              second.metric("kelvin_store_spool_records") == 0 && db.count("SELECT count(seq)"
                  + " FROM node WHERE seq >= " + kill.deadFrom()) == publishedAfterKill);

      assertThat(second.metric("kelvin_store_spool_torn")).as("torn records").isEqualTo(1);
      assertThat(second.metric("kelvin_store_spool_corrupt")).as("corrupt records").isZero();
      assertThat(second.line(Pattern.compile("Spool segment \\S*" + segment.getFileName()
          + " ends in a torn record at offset (\\d+)"))).as("the log names the torn segment")
          .hasValue(String.valueOf(tornAt));
      assertEveryReadingStoredOnce(influx, kill);
      assertThat(second.metric("kelvin_store_points_lost_total")).as("points lost")
          .isIn(0.0, Double.NaN);
      assertThat(second.stop(WAIT)).as("exit code of an orderly stop").isZero();
    }
  }

  /** What the kill left: points reported spooled, and messages published around it. */
  private record Kill(long spooledPoints, long deadFrom, long published) {}

  /**
   * Publishes until the run reports {@link #SPOOLED_BEFORE_KILL} points spooled, kills it with
   * SIGKILL while messages keep coming, and publishes {@link #PUBLISHED_WHILE_DEAD} more.
   */
  private static Kill killMidSpool(KelvinRunProcess run, ReadingPublisher publisher)
      throws Exception {
    long[] spooled = {0};
    await("points reported spooled").atMost(WAIT).pollInterval(Duration.ofMillis(50))
        .until(() -> {
          spooled[0] = (long) run.metric("kelvin_store_points_spooled_total");
          return spooled[0] >= SPOOLED_BEFORE_KILL;
        });
    long deliveredBefore = publisher.acknowledged();
    assertThat(run.kill()).as("exit code of a SIGKILL").isEqualTo(137);
    long deadFrom = publisher.begun();
    assertThat(deadFrom).as("the kill came while messages were still published")
        .isGreaterThan(deliveredBefore);
    await("messages published while the run is dead").atMost(WAIT)
        .until(() -> publisher.acknowledged() >= deadFrom + PUBLISHED_WHILE_DEAD);
    long published = publisher.stop();
    LOG.info("killed after {} points spooled; {} messages published before the kill was"
        + " confirmed, {} after", spooled[0], deadFrom, published - deadFrom);
    return new Kill(spooled[0], deadFrom, published);
  }

  /**
   * Every reading published is in InfluxDB once: those reported spooled before the kill, those
   * the killed run had taken but not spooled (the broker sends them again), and those published
   * after it.
   */
  private void assertEveryReadingStoredOnce(InfluxSettings influx, Kill kill) {
    int total = Math.toIntExact(kill.published() * NODES);
    BitSet stored = storedReadings(influx);
    LOG.info("stored {} of {} readings ({} reported spooled before the kill, {} published after"
        + " it); missing: {}", stored.cardinality(), total, kill.spooledPoints(),
        (kill.published() - kill.deadFrom()) * NODES, total - stored.cardinality());
    assertThat(stored.length()).as("no reading beyond those published").isLessThanOrEqualTo(total);
    assertThat(stored.nextClearBit(0)).as("the first reading missing, of %d published", total)
        .isEqualTo(total);
    assertThat(db.count("SELECT count(seq) FROM node")).as("points in InfluxDB, one a reading")
        .isEqualTo(stored.cardinality());
  }

  /** The readings InfluxDB holds: bit {@code seq × NODES + j} for node j's reading seq. */
  private static BitSet storedReadings(InfluxSettings influx) {
    BitSet stored = new BitSet();
    try (InfluxDB client = InfluxDBFactory.connect(influx.url().toString(),
        influx.username().orElseThrow(), influx.password().orElseThrow())) {
      QueryResult result = client.query(new Query("SELECT seq, power_w FROM node GROUP BY node",
          influx.database()));
      assertThat(result.getError()).as("query error").isNull();
      for (QueryResult.Series series : result.getResults().get(0).getSeries()) {
        int j = Integer.parseInt(series.getTags().get("node").substring(1));
        for (List<Object> row : series.getValues()) {
          long seq = Math.round(((Number) row.get(1)).doubleValue());
          assertThat(((Number) row.get(2)).doubleValue()).as("power of %s", series.getTags())
              .isEqualTo(200.0 + j);
          stored.set(Math.toIntExact(seq * NODES + j));
        }
      }
    }
    return stored;
  }

  /** kelvin.yaml for run {@code name}: the test's broker login and client id, the store. */
  private Path config(String name, String influxUrl, InfluxSettings influx) throws IOException {
    MqttEndpoint broker = TestServices.mqtt();
    Path mqttPassword = Files.writeString(dir.resolve("mqtt.password"),
        broker.password().orElseThrow());
    Path influxPassword = Files.writeString(dir.resolve("influx.password"),
        influx.password().orElseThrow());
    return Files.writeString(dir.resolve(name + ".yaml"), String.join("\n",
        "mqtt:", "  broker: " + broker.broker(),
        "  username: " + broker.username().orElseThrow(), "  password_file: " + mqttPassword,
        "  topic_prefix: " + topics.prefix(), "  instance: " + instance,
        "audit:", "  file: " + dir.resolve("audit.jsonl"),
        "dashboard:", "  port: 0",
        "store:", "  influx:", "    url: " + influxUrl, "    database: " + influx.database(),
        "    username: " + influx.username().orElseThrow(),
        "    password_file: " + influxPassword, "    spool_dir: " + influx.spoolDir(),
        "    flush_interval: 200ms", ""));
  }

  /** A loopback port nothing listens on (it did a moment ago, for this test alone). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Path newestSegment(Path spool) throws IOException {
    try (Stream<Path> files = Files.list(spool)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".seg"))
          .max(Comparator.comparing(Path::getFileName)).orElseThrow(() ->
              new AssertionError("no spool segment in " + spool));
    }
  }

  /**
   * Appends 12 bytes of a record header after the segment's last whole record, as a crash
   * mid-append leaves it (the spool's format: docs/telemetry.md, "On disk"); returns where.
   * Should the kill itself have torn a record, that record is cut off first, so that the tail
   * holds one torn record either way.
   */
  private static long tearTail(Path segment) throws IOException {
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      long end = endOfWholeRecords(channel);
      if (end < channel.size()) {
        LOG.info("the kill tore a record of {} at offset {}: cut off", segment, end);
        channel.truncate(end);
      }
      ByteBuffer partial = ByteBuffer.allocate(12).putInt(FRAME_MAGIC).putInt(4_096)
          .putInt(0).flip();
      channel.write(partial, end);
      return end;
    }
  }

  /** The offset just after the segment's last whole record. */
  private static long endOfWholeRecords(FileChannel channel) throws IOException {
    long size = channel.size();
    long offset = SEGMENT_HEADER_BYTES;
    ByteBuffer header = ByteBuffer.allocate(8);
    while (offset + FRAME_HEADER_BYTES <= size) {
      header.clear();
      channel.read(header, offset);
      header.flip();
      assertThat(header.getInt()).as("record magic at offset %d", offset).isEqualTo(FRAME_MAGIC);
      long next = offset + FRAME_HEADER_BYTES + header.getInt();
      if (next > size) {
        break;
      }
      offset = next;
    }
    return offset;
  }
}
