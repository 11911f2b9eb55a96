package dev.kelvin.simulator.random;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from one run seed. A stream is named by a
 * purpose ("workload", "noise", ...) and a key (a node's name), so that nodes never share a
 * stream and adding a node or a purpose does not change the others.
 */
public final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** A fresh generator for {@code purpose} and {@code key} under {@code seed}. */
  public static SplittableRandom stream(long seed, String purpose, String key) {
    return new SplittableRandom(derive(seed, purpose, key));
  }

  /** The seed of the stream for {@code purpose} and {@code key} under {@code seed}. */
  public static long derive(long seed, String purpose, String key) {
    long mixed = mix(seed + GOLDEN_GAMMA);
    mixed = mix(mixed ^ purpose.hashCode());
    return mix(mixed ^ key.hashCode());
  }

  /** The SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014): a 64-bit bijection. */
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
