package dev.kelvin.predictor.telemetry;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.features.NodeFeatureTracker;
import java.util.List;
import java.util.Objects;

/**
 * A predictor that records: at every tick it computes every node's features from the snapshot
 * the control loop took, with its own {@link NodeFeatureTracker} (the class served models use),
 * hands them to a {@link TelemetryRecorder}, and returns what the wrapped predictor predicts.
 * So the rows are exactly what a served model would have computed at that tick.
 */
public final class RecordingPredictor implements Predictor {
  private final NodeFeatureTracker tracker = new NodeFeatureTracker();
  private final TelemetryRecorder recorder;
  private final Predictor wrapped;

  public RecordingPredictor(TelemetryRecorder recorder, Predictor wrapped) {
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.wrapped = Objects.requireNonNull(wrapped, "wrapped");
  }

  @Override
  public synchronized List<Prediction> predict(ClusterSnapshot snapshot) {
    recorder.record(tracker.observe(snapshot));
    return wrapped.predict(snapshot);
  }
}
