package dev.kelvin.predictor.forecast;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.predictor.features.PowerFeatureVector;
import java.time.Instant;

/**
 * One training or test example: the features of {@code node} at {@code at}, and the power it
 * drew at {@code labelAt}, about one horizon later.
 */
record LabelledExample(NodeId node, Instant at, PowerFeatureVector features, Instant labelAt,
    double labelWatts) {}
