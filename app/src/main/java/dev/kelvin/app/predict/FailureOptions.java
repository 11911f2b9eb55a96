package dev.kelvin.app.predict;

import dev.kelvin.core.config.ConfigTree;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The option types of the failure commands. */
final class FailureOptions {
  private FailureOptions() {}

  /** A date ({@code 2004-06-01}, midnight UTC) or an instant ({@code 2004-06-01T12:00:00Z}). */
  static final class Date implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String text) {
      try {
        return text.contains("T") ? Instant.parse(text)
            : LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + text + "' is not a date: write 2004-06-01"
            + " (midnight UTC) or 2004-06-01T12:00:00Z");
      }
    }
  }

  /** A horizon: {@code 7d}, {@code 12h}, {@code 30m}, or ISO-8601 like {@code P7D}. */
  static final class Horizon implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      Duration value;
      try {
        value = text.startsWith("P") || text.startsWith("p") ? Duration.parse(text)
            : new ConfigTree("option", Map.of("value", text)).duration("value", Duration.ZERO);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new TypeConversionException("'" + text + "' is not a duration: write 7d, 12h, 30m"
            + " or P7D");
      }
      if (value.isZero() || value.isNegative()) {
        throw new TypeConversionException("'" + text + "' must be longer than zero");
      }
      return value;
    }
  }
}
