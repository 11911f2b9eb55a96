package dev.kelvin.app.ops;

import dev.kelvin.core.backlog.ShedReason;
import dev.kelvin.telemetry.IngestWorker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The controller's own ingest backlog on {@code /metrics}: readings waiting to be applied, how
 * long the oldest has waited, the messages not yet acknowledged to the broker, how late
 * readings arrive from the broker, whether the controller calls itself blind, and the readings
 * shed by reason. The worker is the meters' state: the controller holds it for as long as it
 * runs.
 */
public final class BacklogMetrics {
  private BacklogMetrics() {}

  public static void bind(MeterRegistry registry, IngestWorker worker) {
    Gauge.builder("kelvin.ingest.backlog.readings", worker, w -> w.backlog().readings())
        .description("Readings received and waiting to be applied to the state")
        .register(registry);
    Gauge.builder("kelvin.ingest.backlog.seconds", worker,
            w -> w.backlog().oldestAge().toMillis() / 1000.0)
        .description("How long the oldest reading waiting to be applied has waited")
        .register(registry);
    Gauge.builder("kelvin.ingest.arrival.lag.seconds", worker,
            w -> w.backlog().arrivalLag().map(lag -> lag.toMillis() / 1000.0).orElse(Double.NaN))
        .description("Age on arrival of the freshest reading received in the last 2 s (the"
            + " broker's queue for the controller)").register(registry);
    Gauge.builder("kelvin.ingest.unacknowledged.messages", worker, IngestWorker::unacknowledged)
        .description("Messages received and not yet acknowledged to the broker: waiting to be"
            + " applied, or for their readings to be written or spooled").register(registry);
    Gauge.builder("kelvin.controller.blind", worker, w -> w.blind().isPresent() ? 1 : 0)
        .description("1 while the controller is blind through its own ingest delay (decisions"
            + " held, caps on nodes still reporting kept)").register(registry);
    for (ShedReason reason : ShedReason.values()) {
      FunctionCounter.builder("kelvin.ingest.shed", worker, w -> w.shed(reason))
          .description("Readings dropped before the state, by reason (each node's newest is"
              + " kept)").tag("reason", reason.label()).register(registry);
    }
  }
}
