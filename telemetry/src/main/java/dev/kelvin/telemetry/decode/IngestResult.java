package dev.kelvin.telemetry.decode;

import dev.kelvin.core.ingest.RejectSample;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.state.Admission;
import java.util.Objects;

/** What ingestion did with one message: kept the reading (live or late), or rejected it. */
public sealed interface IngestResult permits IngestResult.Kept, IngestResult.Rejected {

  /**
   * The reading was valid and is kept: {@link Admission#ACCEPTED} into the live state, or
   * {@link Admission#LATE} (for the store only).
   */
  record Kept(NodeReading reading, Admission admission) implements IngestResult {
    public Kept {
      Objects.requireNonNull(reading, "reading");
      if (admission != Admission.ACCEPTED && admission != Admission.LATE) {
        throw new IllegalArgumentException("a kept reading is ACCEPTED or LATE, was "
            + admission);
      }
    }
  }

  /** The message was refused; the sample is what was counted and shown to operators. */
  record Rejected(RejectSample sample) implements IngestResult {
    public Rejected {
      Objects.requireNonNull(sample, "sample");
    }
  }
}
