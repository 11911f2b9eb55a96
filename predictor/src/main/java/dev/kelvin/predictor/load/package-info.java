/**
 * The load and power forecaster: series of node, VM, site and queue load
 * ({@code dev.kelvin.datasets.load}) forecast 5, 15 and 60 minutes ahead by one Tribuo
 * regression per horizon. {@link dev.kelvin.predictor.load.LoadFeatures} is the one feature
 * definition; {@link dev.kelvin.predictor.load.LoadSplit} keeps training strictly before test;
 * {@link dev.kelvin.predictor.load.LoadTrainer} compares XGBoost with CART on validation;
 * {@link dev.kelvin.predictor.load.LoadEvaluator} scores a model by MASE against persistence
 * and seasonal-naive; {@link dev.kelvin.predictor.load.LoadModelLoader} serves a model file on
 * the snapshots of every tick, its histories read back at start from the store when there is
 * one ({@code dev.kelvin.predictor.history}).
 */
package dev.kelvin.predictor.load;
