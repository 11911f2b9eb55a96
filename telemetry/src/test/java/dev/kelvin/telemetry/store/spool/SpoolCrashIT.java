package dev.kelvin.telemetry.store.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A spool writer killed with SIGKILL mid-stream, again and again: every record whose append had
 * returned (the child printed its number) is there after a restart, in order, once, and a torn
 * tail is found and counted rather than thrown.
 */
class SpoolCrashIT {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolCrashIT.class);
  /** Kills at least; more follow, up to {@link #MAX_ROUNDS}, until one has torn a record. */
  private static final int ROUNDS = 12;
  /** About one kill in three tears a record here, so 60 without one would say something broke. */
  private static final int MAX_ROUNDS = 60;

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void keeps_every_record_appended_before_a_sigkill_in_order_and_counts_torn_tails()
      throws Exception {
    Path folder = dir.resolve("spool");
    Random random = new Random(8);
    long torn = 0;
    int round = 0;
    for (; round < ROUNDS || torn == 0 && round < MAX_ROUNDS; round++) {
      boolean fsync = round % 3 == 2;
      List<Integer> printed = runAndKill(folder, round, fsync, 3 + random.nextInt(30),
          random.nextInt(3_000_000));
      assertThat(printed).as("round %d printed", round).isNotEmpty();
      try (DiskSpool spool = DiskSpool.open(SpoolCrashChild.settings(folder, fsync))) {
        SpoolStats stats = spool.stats();
        torn += stats.tornRecords();
        assertThat(stats.corruptRecords()).as("corrupt after round %d", round).isZero();
        List<Integer> kept = drain(spool, round);
        int last = printed.get(printed.size() - 1);
        LOG.info("round {} (fsync {}): printed up to {}, kept {}, torn {}", round, fsync, last,
            kept.size(), stats.tornRecords());
        assertThat(printed).as("printed in round %d", round).isEqualTo(range(last + 1));
        // every printed number, in order, once; at most one more whose print the kill cut off
        assertThat(kept).as("kept after round %d", round).isEqualTo(range(kept.size()))
            .hasSizeBetween(last + 1, last + 2);
      }
    }
    LOG.info("{} kills, {} torn tails found", round, torn);
    assertThat(torn).as("torn tails over %d kills", round).isPositive();
  }

  /** Starts the child, lets it print {@code lines} numbers, waits, kills it; what it printed. */
  private List<Integer> runAndKill(Path folder, int round, boolean fsync, int lines,
      long waitNanos) throws Exception {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path errors = dir.resolve("child-" + round + ".err");
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), SpoolCrashChild.class.getName(),
        folder.toString(), String.valueOf(round), String.valueOf(fsync))
        .redirectError(errors.toFile()).start();
    InputStream out = child.getInputStream();
    List<Integer> printed = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (printed.size() < lines) {
      if (!readLine(out, line, printed)) {
        throw new AssertionError("child ended before printing " + lines + " numbers: "
            + Files.readString(errors));
      }
    }
    LockSupport.parkNanos(waitNanos);
    // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe
    // and lose the numbers printed since the last read
    assertThat(child.toHandle().destroyForcibly()).isTrue();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child gone after SIGKILL").isTrue();
    while (readLine(out, line, printed)) {
      // what the child printed before it died counts too
    }
    return printed;
  }

  /** Reads one whole line, noting a printed number; false at end of stream. */
  private static boolean readLine(InputStream in, ByteArrayOutputStream line,
      List<Integer> printed) throws IOException {
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    if (b < 0) {
      return false;
    }
    String text = line.toString(StandardCharsets.US_ASCII);
    line.reset();
    if (text.startsWith(SpoolCrashChild.PRINTED)) {
      printed.add(Integer.parseInt(text.substring(text.lastIndexOf(' ') + 1)));
    }
    return true;
  }

  /** Replays and releases every record, checking each is whole and of this round. */
  private static List<Integer> drain(DiskSpool spool, int round) {
    byte[] filler = SpoolCrashChild.filler();
    List<Integer> numbers = new ArrayList<>();
    for (Optional<SpooledRecord> r = spool.peek(); r.isPresent(); r = spool.peek()) {
      byte[] bytes = r.get().bytes();
      ByteBuffer head = ByteBuffer.wrap(bytes);
      assertThat(head.getInt()).as("round of a kept record").isEqualTo(round);
      numbers.add(head.getInt());
      assertThat(Arrays.equals(bytes, 8, bytes.length, filler, 8, filler.length))
          .as("record body intact").isTrue();
      spool.release(r.get());
    }
    return numbers;
  }

  private static List<Integer> range(int n) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    return all;
  }
}
