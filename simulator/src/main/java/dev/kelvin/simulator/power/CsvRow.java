package dev.kelvin.simulator.power;

import java.util.List;

/** One data row of a {@link CsvTable}, able to say where it came from in an error. */
record CsvRow(String file, int line, List<String> header, List<String> cells) {
  String text(int column) {
    return cells.get(column).trim();
  }

  /** The cell as a finite number, or NaN when it is empty or not a number. */
  double numberOrNaN(int column) {
    try {
      double value = Double.parseDouble(text(column));
      return Double.isFinite(value) ? value : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The cell as a finite number; an error naming file, line, column and value otherwise. */
  double number(int column, String unit) {
    double value = numberOrNaN(column);
    if (Double.isNaN(value)) {
      throw new PowerDataException(where(column) + " is '" + text(column) + "', expected a"
          + " number in " + unit);
    }
    return value;
  }

  /** The cell as a whole number of at least 1. */
  int count(int column) {
    double value = numberOrNaN(column);
    if (!(value >= 1) || value != Math.rint(value) || value > Integer.MAX_VALUE) {
      throw new PowerDataException(where(column) + " is '" + text(column) + "', expected a"
          + " whole count of at least 1");
    }
    return (int) value;
  }

  String where(int column) {
    return file + ":" + line + ": column " + (column + 1) + " '" + header.get(column) + "'";
  }
}
