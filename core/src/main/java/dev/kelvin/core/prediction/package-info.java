/**
 * What models say about the near future: failure risk, load and power forecasts, anomaly
 * scores. Each carries the version of the model that produced it.
 */
package dev.kelvin.core.prediction;
