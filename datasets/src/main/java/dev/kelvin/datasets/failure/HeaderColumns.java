package dev.kelvin.datasets.failure;

import java.util.List;

/** A data file's header: where each named column is, or an error naming the one missing. */
record HeaderColumns(List<String> names, String source, String format) {
  HeaderColumns {
    names = List.copyOf(names);
  }

  int find(String name) {
    int at = names.indexOf(name);
    if (at < 0) {
      throw new FailureDataException(source + ":1: no column '" + name + "' in the header "
          + names + " (not " + format + ", or another export of it?)");
    }
    return at;
  }

  int width() {
    return names.size();
  }
}
