package dev.kelvin.telemetry.store.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random appends, peeks, releases and restarts, checked after every step against a queue in
 * memory: same records, same order, counts that agree, refusals only near the limit.
 */
class DiskSpoolModelTest {
  private static final int OPS = 600;
  private static final long LIMIT_BYTES = 8 * 1024;

  @TempDir
  Path dir;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 25);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void behaves_like_a_queue_in_memory_through_random_operations_and_restarts(long seed)
      throws Exception {
    Path folder = Files.createDirectory(dir.resolve("seed-" + seed));
    SpoolSettings settings = new SpoolSettings(folder, LIMIT_BYTES, 1024, false);
    Random random = new Random(seed);
    Deque<byte[]> model = new ArrayDeque<>();
    long lastPosition = -1;
    Optional<SpooledRecord> peeked = Optional.empty();
    DiskSpool spool = DiskSpool.open(settings);
    try {
      for (int op = 0; op < OPS; op++) {
        int dice = random.nextInt(100);
        if (dice < 45) {
          append(spool, model, randomRecord(random));
        } else if (dice < 70) {
          peeked = spool.peek();
          assertHead(peeked, model, lastPosition);
        } else if (dice < 92) {
          if (peeked.isPresent()) {
            spool.release(peeked.get());
            lastPosition = peeked.get().position();
            model.removeFirst();
            peeked = Optional.empty();
          }
        } else {
          spool.close();
          spool = DiskSpool.open(settings);
          peeked = Optional.empty();
          assertThat(spool.stats().tornRecords() + spool.stats().corruptRecords()).isZero();
        }
        assertThat(spool.stats().records()).as("records after op %d", op)
            .isEqualTo(model.size());
      }
      while (!model.isEmpty()) {
        SpooledRecord r = spool.peek().orElseThrow();
        assertHead(Optional.of(r), model, lastPosition);
        spool.release(r);
        lastPosition = r.position();
        model.removeFirst();
      }
      assertThat(spool.peek()).isEmpty();
    } finally {
      spool.close();
    }
  }

  private static void append(DiskSpool spool, Deque<byte[]> model, byte[] record) {
    long before = spool.stats().bytes();
    try {
      spool.append(record);
      model.addLast(record);
      assertThat(spool.stats().bytes()).isLessThanOrEqualTo(LIMIT_BYTES);
    } catch (SpoolFullException e) {
      long frame = SpoolTestFiles.FRAME_HEADER + record.length;
      assertThat(before + frame + SpoolTestFiles.SEGMENT_HEADER)
          .as("a refusal only where the record cannot fit").isGreaterThan(LIMIT_BYTES);
    }
  }

  private static void assertHead(Optional<SpooledRecord> got, Deque<byte[]> model,
      long lastPosition) {
    if (model.isEmpty()) {
      assertThat(got).isEmpty();
      return;
    }
    assertThat(got).isPresent();
    assertThat(got.get().bytes()).isEqualTo(model.peekFirst());
    assertThat(got.get().position()).isGreaterThan(lastPosition);
  }

  private static byte[] randomRecord(Random random) {
    int length = random.nextInt(10) == 0 ? 900 + random.nextInt(1200) : random.nextInt(400);
    byte[] record = new byte[length];
    random.nextBytes(record);
    return record;
  }
}
