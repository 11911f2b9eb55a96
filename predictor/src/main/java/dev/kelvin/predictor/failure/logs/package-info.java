/**
 * The real failure logs of the reference data as failure examples: each log's systems, nodes,
 * failures and outages ({@link dev.kelvin.predictor.failure.logs.LanlSource}, {@link
 * dev.kelvin.predictor.failure.logs.Grid5000Source}, {@link
 * dev.kelvin.predictor.failure.logs.TitanSource}, {@link
 * dev.kelvin.predictor.failure.logs.DiskSource}), anchored daily with the failure-history
 * features ({@link dev.kelvin.predictor.failure.logs.LogExamples}, {@link
 * dev.kelvin.predictor.failure.logs.LogFeatures}).
 */
package dev.kelvin.predictor.failure.logs;
