package dev.kelvin.core.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand. Thread-safe. */
public final class MutableClock implements InstantSource {
  /** 2026-01-01T00:00:00Z: a fixed, readable start for tests. */
  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private volatile Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  public MutableClock() {
    this(START);
  }

  @Override
  public Instant instant() {
    return now;
  }

  public synchronized Instant advance(Duration by) {
    now = now.plus(by);
    return now;
  }

  public void set(Instant instant) {
    now = instant;
  }
}
