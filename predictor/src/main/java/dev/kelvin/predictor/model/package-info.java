/**
 * Model files: a Tribuo model in Tribuo's protobuf form with its provenance, and beside it
 * what Kelvin needs to serve it safely (kind, feature set, training data and time range,
 * settings decided after training). Reading one checks it and refuses, with the path and the
 * reason, a file that is corrupt, from another Tribuo version, of another kind or feature set.
 */
package dev.kelvin.predictor.model;
