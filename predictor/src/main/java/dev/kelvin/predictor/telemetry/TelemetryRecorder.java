package dev.kelvin.predictor.telemetry;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.predictor.features.NodeFeatureBatch;
import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import dev.kelvin.predictor.model.FeatureSet;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Records every node's features at every control tick of a run, and once the run is over
 * labels each row with the node's next failure and writes the {@link TelemetryFile}.
 *
 * <p>Rows go first to a scratch file beside the output (binary, gzip: the tick, the node's
 * number in order of first appearance, the features as floats); labels are only known at the
 * end, and a run of a few hundred nodes over days has millions of rows. {@link #finish} reads
 * it back, labels and writes the output under a temporary name, renames it into place and
 * deletes the scratch file; {@link #close} without it deletes both. Not thread-safe: the
 * simulation's control loop calls it from one thread.
 */
public final class TelemetryRecorder implements AutoCloseable {
  private final Path out;
  private final Path scratch;
  private final String source;
  private final FeatureSet features = NodeTelemetryFeatures.FEATURES;
  private final Map<NodeId, Integer> numbers = new HashMap<>();
  private final List<NodeId> nodes = new ArrayList<>();
  private final DataOutputStream rows;
  private long count;

  /**
   * @param out the telemetry file to write
   * @param source what the rows come from, like {@code failure-telemetry (seed 11)}
   */
  public TelemetryRecorder(Path out, String source) {
    this.out = out.toAbsolutePath();
    this.scratch = this.out.resolveSibling(this.out.getFileName() + ".rows.partial");
    this.source = source;
    try {
      rows = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(
          Files.newOutputStream(scratch), 1 << 16), 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write telemetry file " + this.out + ": "
          + e.getMessage() + " (is its folder there and writable?)", e);
    }
  }

  /** Appends the rows of one tick. */
  public void record(NodeFeatureBatch batch) {
    try {
      for (int i = 0; i < batch.nodes().size(); i++) {
        NodeId node = batch.nodes().get(i);
        Integer number = numbers.computeIfAbsent(node, key -> {
          nodes.add(key);
          return nodes.size() - 1;
        });
        rows.writeLong(batch.at().getEpochSecond());
        rows.writeInt(number);
        for (double value : batch.values().get(i)) {
          rows.writeFloat((float) value);
        }
        count++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + scratch + ": " + e.getMessage()
          + " (disk full?)", e);
    }
  }

  /** Rows recorded so far. */
  public long rows() {
    return count;
  }

  /**
   * Labels every row with {@code failures} (each row with the node's first failure at or
   * after its tick) and writes the telemetry file.
   *
   * @return the file written
   */
  public Path finish(List<LabelledFailure> failures) {
    Labels labels = new Labels(failures);
    Path partial = out.resolveSibling(out.getFileName() + ".partial");
    try {
      rows.close();
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(
              new GZIPInputStream(Files.newInputStream(scratch), 1 << 16), 1 << 16));
          Writer text = new OutputStreamWriter(new GZIPOutputStream(
              Files.newOutputStream(partial), 1 << 16), StandardCharsets.UTF_8)) {
        TelemetryFile.writeHeader(text, source, features);
        copyLabelled(in, text, labels);
      }
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(scratch);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write telemetry file " + out + ": "
          + e.getMessage() + " (disk full?)", e);
    }
  }

  private void copyLabelled(DataInputStream in, Writer text, Labels labels) throws IOException {
    StringBuilder line = new StringBuilder(512);
    double[] values = new double[features.names().size()];
    for (long k = 0; k < count; k++) {
      Instant at = Instant.ofEpochSecond(in.readLong());
      NodeId node = nodes.get(in.readInt());
      for (int f = 0; f < values.length; f++) {
        values[f] = in.readFloat();
      }
      LabelledFailure next = labels.next(node, at);
      double toFailure = next == null ? Double.NaN
          : Math.max(1, Math.round((next.at().toEpochMilli() - at.toEpochMilli()) / 1000.0));
      TelemetryFile.writeRow(text, line, new TelemetryRow(at, node, toFailure,
          next != null && next.warned(), values));
    }
    if (in.read() != -1) {
      throw new EOFException("more rows in " + scratch + " than recorded");
    }
  }

  /** Deletes the scratch file and any partial output; a finished file stays. */
  @Override
  public void close() {
    try {
      rows.close();
      Files.deleteIfExists(scratch);
      Files.deleteIfExists(out.resolveSibling(out.getFileName() + ".partial"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + scratch + ": " + e.getMessage(), e);
    }
  }

  /** Each node's failures in time order, for the next one at or after a tick. */
  private static final class Labels {
    private final Map<NodeId, List<LabelledFailure>> byNode = new HashMap<>();

    Labels(List<LabelledFailure> failures) {
      for (LabelledFailure failure : failures) {
        byNode.computeIfAbsent(failure.node(), key -> new ArrayList<>()).add(failure);
      }
      byNode.values().forEach(list -> list.sort((a, b) -> a.at().compareTo(b.at())));
    }

    LabelledFailure next(NodeId node, Instant at) {
      List<LabelledFailure> list = byNode.get(node);
      if (list == null) {
        return null;
      }
      int low = 0;
      int high = list.size();
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (list.get(mid).at().isBefore(at)) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low == list.size() ? null : list.get(low);
    }
  }
}
