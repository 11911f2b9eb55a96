package dev.kelvin.actuators.slurm;

/** One node or job of a Slurm answer that Kelvin skips, with why. */
final class RejectedRecord extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final SlurmReject reason;

  RejectedRecord(SlurmReject reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  SlurmReject reason() {
    return reason;
  }
}
