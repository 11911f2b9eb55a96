package dev.kelvin.agent.lease;

import java.util.Objects;

/** A refusal decided before anything touched the hardware: its reason and the full story. */
record Refused(Refusal reason, String detail) {
  Refused {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** The ack message: {@code refused (issued_in_future): command a-9 was issued at …}. */
  String message() {
    return "refused (" + reason.label() + "): " + detail;
  }
}
