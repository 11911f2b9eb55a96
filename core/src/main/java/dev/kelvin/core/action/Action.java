package dev.kelvin.core.action;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Something Kelvin decides to do. Every action carries an id, the rule that proposed it, a
 * human reason, the facts it was based on and a lease ({@link ActionMeta}). Adapters dispatch
 * on the concrete type with {@code instanceof} patterns in one place each, ending in
 * {@code throw new AssertionError(action)}.
 */
public sealed interface Action permits NodeAction, MigrateJob, HoldJob, ReleaseJob,
    FailoverSite, Notify {
  ActionMeta meta();

  /** The kind of action, by its stable name. */
  ActionType type();

  /** What the action acts on, as an operator would name it, e.g. {@code site-a/n07}. */
  String target();

  /** What the action does in a few words, e.g. {@code cap CPU at 2400 MHz}. */
  String describe();

  default ActionId id() {
    return meta().id();
  }

  default String rule() {
    return meta().rule();
  }

  default String reason() {
    return meta().reason();
  }

  default List<Fact> facts() {
    return meta().facts();
  }

  default Duration lease() {
    return meta().lease();
  }

  default Instant proposedAt() {
    return meta().proposedAt();
  }
}
