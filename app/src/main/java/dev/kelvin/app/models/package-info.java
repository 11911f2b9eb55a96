/**
 * The models a running controller serves: where their files come from (the operator's
 * {@code predictor.models_dir} or {@code --models}, and the models shipped in the jar), the
 * registry started on its own scheduler, and how they show on {@code /health},
 * {@code /metrics}, {@code /api/models} and the start-up banners.
 */
package dev.kelvin.app.models;
