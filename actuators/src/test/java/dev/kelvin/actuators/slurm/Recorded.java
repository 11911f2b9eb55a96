package dev.kelvin.actuators.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Real {@code sinfo --json} and {@code squeue --json} output of Slurm 22.05.8 (scripts/slurm.sh,
 * nodes n1..n4), recorded into the test resources of this package:
 *
 * <ul>
 *   <li>{@code sinfo-idle.json}: every node idle;
 *   <li>{@code sinfo-drained-and-down.json}: n1 drained ("kelvin: failure risk 0.91"), n2
 *       drained ("operator maintenance"), n3 set down ("bad dimm"), n4 allocated;
 *   <li>{@code sinfo-not-responding.json}: n4 allocated with NOT_RESPONDING (its slurmd
 *       killed), n1 and n3 drained by Kelvin;
 *   <li>{@code sinfo-down-not-responding.json}: the same n4 later, down with NOT_RESPONDING;
 *   <li>{@code sinfo-draining.json}: n2 mixed and draining ("operator: fan");
 *   <li>{@code squeue-running-and-pending.json}: jobs 1-4 running (n4, n4, n2, n2), 5 (two
 *       nodes) and 6 (held) pending;
 *   <li>{@code squeue-multinode-suspended-finished.json}: job 5 running on n[2,4], 3 suspended,
 *       4 and 7 cancelled, 1 and 2 pending after a requeue, 6 held.
 * </ul>
 */
final class Recorded {
  /** reason_changed_at of the drains and the down of the recordings. */
  static final long DRAINED_AT = 1795776344L;

  private Recorded() {}

  static String read(String name) {
    try (InputStream in = Recorded.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sinfo answer with one node of the given fields (JSON text, without braces). */
  static String oneNode(String fields) {
    return "{\"meta\":{},\"errors\":[],\"nodes\":[{" + fields + "}]}";
  }

  /** A squeue answer with one job of the given fields (JSON text, without braces). */
  static String oneJob(String fields) {
    return "{\"meta\":{},\"errors\":[],\"jobs\":[{" + fields + "}]}";
  }
}
