package dev.kelvin.datasets.failure;

import java.util.List;

/** Where the LANL log's columns are, found by their header names. */
record Columns(List<String> header, int system, int nodes, int node, int purpose, int started,
    int downtime, int[] causes, int sameEvent) {
  private static final RootCause[] CAUSES = {RootCause.FACILITIES, RootCause.HARDWARE,
      RootCause.HUMAN_ERROR, RootCause.NETWORK, RootCause.UNDETERMINED, RootCause.SOFTWARE};

  static Columns of(List<String> header, String source) {
    int[] causes = new int[CAUSES.length];
    for (int i = 0; i < CAUSES.length; i++) {
      causes[i] = find(header, CAUSES[i].column(), source);
    }
    return new Columns(List.copyOf(header), find(header, "System", source),
        find(header, "nodes", source), find(header, "nodenumz", source),
        find(header, "purpose", source), find(header, "Prob Started", source),
        find(header, "Down Time", source), causes, find(header, "Same Event", source));
  }

  private static int find(List<String> header, String name, String source) {
    int at = header.indexOf(name);
    if (at < 0) {
      throw new FailureDataException(source + ":1: no column '" + name + "' in the header (not"
          + " the LANL LA-UR-05-7318 log, or a different export of it?)");
    }
    return at;
  }

  int width() {
    return header.size();
  }

  /** The first filled cause column of a row, or -1 when none is filled. */
  int causeColumn(List<String> cells) {
    for (int column : causes) {
      if (!cells.get(column).isEmpty()) {
        return column;
      }
    }
    return -1;
  }

  RootCause causeOf(int column) {
    for (int i = 0; i < causes.length; i++) {
      if (causes[i] == column) {
        return CAUSES[i];
      }
    }
    throw new IllegalArgumentException("column " + column + " is not a cause column");
  }
}
