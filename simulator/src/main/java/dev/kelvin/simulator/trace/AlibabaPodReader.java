package dev.kelvin.simulator.trace;

import dev.kelvin.core.validation.WireText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Reads the pod lists of the Alibaba GPU cluster trace v2023 ({@code openb_pod_list_*.csv}):
 * CSV with a header, columns found by name, no quoting (the {@code gpu_spec} list is
 * {@code |}-separated). Pods are returned in file order. {@code scheduled_time} and
 * {@code deletion_time} may be empty (a pod never bound, a pod not yet deleted), and so may
 * {@code gpu_spec}; every other cell must be there. A bad row stops the read with the file, the
 * line, the column and the value.
 */
public final class AlibabaPodReader {
  /** The node list the trace ships beside its pod lists. */
  public static final String NODE_LIST = "openb_node_list_all_node.csv";
  private static final List<String> COLUMNS = List.of("name", "cpu_milli", "memory_mib",
      "num_gpu", "gpu_milli", "gpu_spec", "qos", "pod_phase", "creation_time", "deletion_time",
      "scheduled_time");
  private static final int MAX_GPUS_PER_POD = 1024;

  private AlibabaPodReader() {
  }

  /** Reads a pod list, gzip-compressed when its name ends in {@code .gz}. */
  public static List<AlibabaPod> read(Path file) {
    return TraceFiles.read(file, StandardCharsets.UTF_8, "pod list", AlibabaPodReader::read);
  }

  /** Reads a pod list from text; {@code source} names it in errors. */
  public static List<AlibabaPod> read(BufferedReader lines, String source) throws IOException {
    String head = lines.readLine();
    if (head == null) {
      throw new TraceFormatException(source + ": empty, expected a CSV header naming " + COLUMNS);
    }
    List<String> header = Arrays.stream(head.split(",", -1)).map(String::strip).toList();
    int[] at = new int[COLUMNS.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = header.indexOf(COLUMNS.get(i));
      if (at[i] < 0) {
        throw new TraceFormatException(source + ":1: no column '" + COLUMNS.get(i)
            + "' in the header " + header + " (not an Alibaba openb pod list?)");
      }
    }
    List<AlibabaPod> pods = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      if (!line.isBlank()) {
        pods.add(pod(new Row(line.split(",", -1), header.size(), at, source + ":" + number)));
      }
    }
    return pods;
  }

  /**
   * The nodes of the trace's cluster: the rows of {@value #NODE_LIST} beside the pod list, when
   * it is there.
   */
  public static OptionalInt nodesListedBeside(Path podList) {
    Path nodes = podList.toAbsolutePath().resolveSibling(NODE_LIST);
    if (!Files.isRegularFile(nodes)) {
      return OptionalInt.empty();
    }
    try (Stream<String> lines = Files.lines(nodes, StandardCharsets.UTF_8)) {
      return OptionalInt.of((int) Math.max(0, lines.filter(l -> !l.isBlank()).count() - 1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the node list " + nodes + ": "
          + e.getMessage(), e);
    }
  }

  private static AlibabaPod pod(Row row) {
    String name = row.text(0);
    if (name.isEmpty()) {
      throw row.bad(0, "must name the pod");
    }
    long numGpu = row.whole(3);
    if (numGpu > MAX_GPUS_PER_POD) {
      throw row.bad(3, "is more GPUs than a node holds (at most " + MAX_GPUS_PER_POD + ")");
    }
    long gpuMilli = row.whole(4);
    if (gpuMilli > 1000) {
      throw row.bad(4, "must be 0..1000 milli-GPU, the share of each GPU (whole GPUs are"
          + " counted in num_gpu)");
    }
    AlibabaPod.Phase phase;
    try {
      phase = AlibabaPod.Phase.parse(row.text(7));
    } catch (IllegalArgumentException e) {
      throw row.bad(7, "is not one of Pending, Running, Succeeded, Failed, Unknown");
    }
    return new AlibabaPod(name, row.whole(1), row.whole(2), (int) numGpu, (int) gpuMilli,
        row.text(5), row.text(6), phase, row.whole(8), row.optionalWhole(9),
        row.optionalWhole(10));
  }

  private record Row(String[] cells, int width, int[] at, String where) {
    Row {
      if (cells.length != width) {
        throw new TraceFormatException(where + ": " + cells.length + " cells, the header names "
            + width + " (a truncated line, or a comma inside a cell?)");
      }
    }

    String text(int column) {
      return cells[at[column]].strip();
    }

    long whole(int column) {
      OptionalLong value = optionalWhole(column);
      if (value.isEmpty()) {
        throw bad(column, "must be given");
      }
      return value.getAsLong();
    }

    OptionalLong optionalWhole(int column) {
      String text = text(column);
      if (text.isEmpty()) {
        return OptionalLong.empty();
      }
      long value;
      try {
        value = Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw bad(column, "is not a whole number");
      }
      if (value < 0) {
        throw bad(column, "must be 0 or more");
      }
      return OptionalLong.of(value);
    }

    TraceFormatException bad(int column, String why) {
      return new TraceFormatException(where + ": column " + (at[column] + 1) + " '"
          + COLUMNS.get(column) + "' '" + WireText.shown(text(column)) + "' " + why);
    }
  }
}
