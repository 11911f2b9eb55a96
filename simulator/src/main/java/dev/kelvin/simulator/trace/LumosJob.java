package dev.kelvin.simulator.trace;

import java.time.Instant;
import java.util.Locale;

/**
 * One job of an ALCF job log as the Lumos tool packages it (Mira, Theta, ThetaGPU): whole nodes,
 * GPUs where the machine has them, times in seconds, and Lumos' outcome label.
 */
public record LumosJob(String jobId, Instant submitted, double waitSeconds, double runSeconds,
    double requestedSeconds, long nodes, long cores, long gpus, Outcome outcome) {

  /** Lumos' label of how a job ended. */
  public enum Outcome {
    PASS, FAILED, KILLED;

    static Outcome parse(String text) {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
  }
}
