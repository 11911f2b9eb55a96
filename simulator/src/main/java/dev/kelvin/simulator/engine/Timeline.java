package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.report.Mark;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened when, for the report's time line: failures, actions, alarms. Keeps the first
 * {@value #MAX_MARKS} and counts the rest, so a year of caps cannot fill the memory.
 */
final class Timeline {
  static final int MAX_MARKS = 20_000;

  private final List<Mark> marks = new ArrayList<>();
  private long dropped;

  void add(double timeS, String kind, String label) {
    if (marks.size() < MAX_MARKS) {
      marks.add(new Mark(timeS, kind, label));
    } else {
      dropped++;
    }
  }

  List<Mark> marks() {
    return marks;
  }

  long dropped() {
    return dropped;
  }
}
