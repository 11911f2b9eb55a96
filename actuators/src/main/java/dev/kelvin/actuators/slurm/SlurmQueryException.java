package dev.kelvin.actuators.slurm;

/** A Slurm command that could not be run, failed, timed out, or printed what Kelvin cannot read. */
public final class SlurmQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SlurmQueryException(String message) {
    super(message);
  }

  public SlurmQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
