/**
 * Binary classification metrics for failure models, weighted so that a sample of the negatives
 * stands for all of them: average precision (PR-AUC) and ROC-AUC with ties handled, precision,
 * recall and F1 at a threshold, the curves behind the areas, and the lead-time distribution of
 * the failures caught.
 */
package dev.kelvin.predictor.eval;
