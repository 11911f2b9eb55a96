package dev.kelvin.telemetry.decode;

import dev.kelvin.core.ingest.RejectSample;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.state.Admission;
import java.util.Objects;

/**
 * What ingestion did with one reading of a message: kept it (live or late), or rejected it;
 * a rejection may also stand for a whole message that could not be read.
 */
public sealed interface IngestResult permits IngestResult.Kept,
    IngestResult.KeptFacility, IngestResult.Rejected {

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

  /** A facility reading was valid and is kept (live, or late for the store only). */
  record KeptFacility(FacilityReading reading, Admission admission) implements IngestResult {
    public KeptFacility {
      Objects.requireNonNull(reading, "reading");
      if (admission != Admission.ACCEPTED && admission != Admission.LATE) {
        throw new IllegalArgumentException("a kept reading is ACCEPTED or LATE, was "
            + admission);
      }
    }
  }

  /** The message, or a part of it, was refused; the sample is what was counted and shown to operators. */
  record Rejected(RejectSample sample) implements IngestResult {
    public Rejected {
      Objects.requireNonNull(sample, "sample");
    }
  }
}
