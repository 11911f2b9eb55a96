package dev.kelvin.actuators.slurm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one Slurm answer gave: the records Kelvin read and, for those it skipped, how many by
 * reason and the first few messages.
 */
record Parsed<T>(List<T> records, Map<SlurmReject, Integer> rejects, List<String> messages) {
  /** Messages kept of one answer: enough to say what is wrong, not one per node. */
  static final int MESSAGES_KEPT = 5;

  Parsed {
    records = List.copyOf(records);
    rejects = Map.copyOf(rejects);
    messages = List.copyOf(messages);
  }

  int rejected() {
    return rejects.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Collects records and rejects as one answer is read. */
  static final class Builder<T> {
    private final List<T> records = new ArrayList<>();
    private final Map<SlurmReject, Integer> rejects = new EnumMap<>(SlurmReject.class);
    private final List<String> messages = new ArrayList<>();

    void add(T record) {
      records.add(record);
    }

    void reject(RejectedRecord rejected) {
      rejects.merge(rejected.reason(), 1, Integer::sum);
      if (messages.size() < MESSAGES_KEPT) {
        messages.add(rejected.getMessage());
      }
    }

    Parsed<T> build() {
      return new Parsed<>(records, rejects, messages);
    }
  }
}
