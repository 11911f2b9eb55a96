/**
 * Typed reading of an operator's configuration file, JDK only.
 *
 * <p>A composition root parses the file (YAML or JSON, with Jackson) into plain Java objects
 * and hands the top-level map to a {@link dev.kelvin.core.config.ConfigTree}. The tree reads
 * each key with its default ({@code tree.section("mqtt").duration("keep_alive",
 * Duration.ofSeconds(30))}), remembers what was read, and when the root has read everything
 * {@link dev.kelvin.core.config.ConfigTree#requireNoUnknownKeys()} refuses keys that nobody
 * read, suggesting the nearest known one. Every failure is a
 * {@link dev.kelvin.core.config.ConfigException} whose message is one line of the form
 * {@code kelvin.yaml: mqtt.keep_alive = "30x": not a duration; write a number and a unit: ...}:
 * the file, the key, the value as written, what is wrong and how to write it.
 *
 * <p>Every getter also records the key and its default as an operator would write it
 * ({@link dev.kelvin.core.config.ConfigTree#keysRead()}), so reading an empty document lists
 * every key the composition root understands, for the configuration reference and a test that
 * keeps that reference honest.
 */
package dev.kelvin.core.config;
