package dev.kelvin.core.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations ({@code 250ms}, {@code 30s}, {@code 2m}, {@code 1.5h}, {@code 1d}) and byte sizes
 * ({@code 512}, {@code 64KiB}, {@code 1MB}) as operators write them, read and written back.
 *
 * <p>Sizes: KiB, MiB, GiB and TiB are 1024-based; KB (or kB), MB, GB and TB are 1000-based, as
 * IEC 80000-13 and the SI define them; units are case-insensitive. A bare K, M or G is refused
 * because tools disagree on it (the JVM's {@code -Xmx512m} means MiB, a disk vendor's MB is
 * 1000-based).
 */
final class Quantities {
  private static final Pattern AMOUNT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) *([A-Za-z]*)");
  private static final String DURATION_FIX = "write a number and a unit: 500ms, 30s, 2m, 1h, 1d";
  private static final String SIZE_FIX = "write a number of bytes or a number and a unit:"
      + " 512, 64KiB, 1MiB, 2GiB (1024-based) or 64KB, 1MB (1000-based)";
  private static final Map<String, Long> NANOS_PER = units(
      "d", 86_400_000_000_000L, "h", 3_600_000_000_000L, "m", 60_000_000_000L,
      "s", 1_000_000_000L, "ms", 1_000_000L);
  private static final Map<String, Long> BYTES_PER = units(
      "TiB", 1L << 40, "GiB", 1L << 30, "MiB", 1L << 20, "KiB", 1L << 10,
      "TB", 1_000_000_000_000L, "GB", 1_000_000_000L, "MB", 1_000_000L, "KB", 1_000L);

  private Quantities() {}

  static Duration duration(Object raw) {
    if (raw instanceof Number number) {
      String n = ConfigValues.shown(number);
      throw new InvalidValue(n.startsWith("-") ? "must not be negative; " + DURATION_FIX
          : "a bare number is not a duration; give a unit: " + n + "s for seconds, " + n
              + "ms for milliseconds, " + n + "m for minutes");
    }
    String text = raw instanceof String string ? string.strip() : "";
    if (text.startsWith("-")) {
      throw new InvalidValue("must not be negative; " + DURATION_FIX);
    }
    Matcher matcher = AMOUNT.matcher(text);
    if (!matcher.matches() || !NANOS_PER.containsKey(matcher.group(2))) {
      throw new InvalidValue("not a duration; " + DURATION_FIX);
    }
    BigDecimal nanos = new BigDecimal(matcher.group(1))
        .multiply(BigDecimal.valueOf(NANOS_PER.get(matcher.group(2))))
        .setScale(0, RoundingMode.HALF_UP);
    BigInteger[] secondsAndNanos = nanos.toBigInteger().divideAndRemainder(
        BigInteger.valueOf(1_000_000_000L));
    if (secondsAndNanos[0].bitLength() >= 63) {
      throw new InvalidValue("too long for a duration; " + DURATION_FIX);
    }
    return Duration.ofSeconds(secondsAndNanos[0].longValue(), secondsAndNanos[1].longValue());
  }

  static Duration duration(Object raw, Duration min, Duration max) {
    Duration duration = duration(raw);
    if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
      throw new InvalidValue("must be within " + durationText(min) + ".." + durationText(max)
          + "; " + DURATION_FIX);
    }
    return duration;
  }

  /** The largest unit that writes {@code duration} whole ({@code 90m}, {@code 250ms}). */
  static String durationText(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    BigInteger nanos = BigInteger.valueOf(duration.getSeconds())
        .multiply(BigInteger.valueOf(1_000_000_000L)).add(BigInteger.valueOf(duration.getNano()));
    return largestWholeUnit(nanos, NANOS_PER).orElseGet(() ->
        new BigDecimal(nanos).movePointLeft(6).stripTrailingZeros().toPlainString() + "ms");
  }

  static long bytes(Object raw) {
    if (raw instanceof String text) {
      return bytes(text.strip());
    }
    BigInteger whole = raw instanceof Number ? ConfigValues.wholeOrNull(raw) : null;
    if (whole == null) {
      throw new InvalidValue("not a size; " + SIZE_FIX);
    }
    return checkedBytes(new BigDecimal(whole));
  }

  private static long bytes(String text) {
    if (text.startsWith("-")) {
      throw new InvalidValue("must not be negative; " + SIZE_FIX);
    }
    Matcher matcher = AMOUNT.matcher(text);
    if (!matcher.matches()) {
      throw new InvalidValue("not a size; " + SIZE_FIX);
    }
    String unit = matcher.group(2);
    if (unit.matches("(?i)[kmgt]")) {
      String prefix = unit.toUpperCase(Locale.ROOT);
      throw new InvalidValue("\"" + unit + "\" is ambiguous; write " + matcher.group(1) + prefix
          + "iB (1024-based) or " + matcher.group(1) + prefix + "B (1000-based)");
    }
    Long factor = unit.isEmpty() || unit.equalsIgnoreCase("B") ? Long.valueOf(1)
        : BYTES_PER.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(unit))
            .map(Map.Entry::getValue).findFirst().orElse(null);
    if (factor == null) {
      throw new InvalidValue("unknown unit \"" + unit + "\"; " + SIZE_FIX);
    }
    return checkedBytes(new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(factor)));
  }

  private static long checkedBytes(BigDecimal bytes) {
    if (bytes.signum() < 0) {
      throw new InvalidValue("must not be negative; " + SIZE_FIX);
    }
    if (bytes.stripTrailingZeros().scale() > 0) {
      throw new InvalidValue("not a whole number of bytes; " + SIZE_FIX);
    }
    if (bytes.toBigInteger().bitLength() >= 64) {
      throw new InvalidValue("too large; sizes go up to 8388607TiB");
    }
    return bytes.longValueExact();
  }

  /** The largest unit that writes {@code bytes} whole ({@code 64KiB}, {@code 1MB}), else bytes. */
  static String bytesText(long bytes) {
    if (bytes == 0) {
      return "0";
    }
    return largestWholeUnit(BigInteger.valueOf(bytes), BYTES_PER)
        .orElse(Long.toString(bytes));
  }

  private static Optional<String> largestWholeUnit(BigInteger amount, Map<String, Long> units) {
    for (Map.Entry<String, Long> unit : units.entrySet()) {
      BigInteger[] quotientAndRest = amount.divideAndRemainder(BigInteger.valueOf(unit.getValue()));
      if (quotientAndRest[1].signum() == 0) {
        return Optional.of(quotientAndRest[0] + unit.getKey());
      }
    }
    return Optional.empty();
  }

  private static Map<String, Long> units(Object... unitsAndFactors) {
    Map<String, Long> units = new LinkedHashMap<>();
    for (int i = 0; i < unitsAndFactors.length; i += 2) {
      units.put((String) unitsAndFactors[i], (Long) unitsAndFactors[i + 1]);
    }
    return Collections.unmodifiableMap(units);
  }
}
