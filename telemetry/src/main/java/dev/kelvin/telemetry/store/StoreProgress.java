package dev.kelvin.telemetry.store;

/**
 * How far a store has kept what it took: points are numbered in the order they are taken, and
 * {@link #safe()} says up to which number every one is safe. What receives readings from a
 * broker acknowledges a message once the number taken after it is safe, so that the broker keeps
 * what a crash would lose ({@link InfluxStore}).
 */
public interface StoreProgress {
  /** A store that keeps nothing past the process: all it takes is as safe as it gets at once. */
  StoreProgress NONE = new StoreProgress() {
    @Override
    public long taken() {
      return 0;
    }

    @Override
    public long safe() {
      return Long.MAX_VALUE;
    }

    @Override
    public void onSafe(Runnable listener) {
      // nothing becomes safe later
    }
  };

  /** Points taken so far: the number of the last one. */
  long taken();

  /**
   * The number up to which every point taken is safe: written to the database, appended to the
   * spool (forced to disk), or counted as lost with the alarm raised.
   */
  long safe();

  /**
   * Calls {@code listener} each time {@link #safe()} advances, on the thread that made it
   * advance; the listener must not block. One listener; a later call replaces it.
   */
  void onSafe(Runnable listener);
}
