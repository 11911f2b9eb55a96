package dev.kelvin.app.bench;

import dev.kelvin.core.config.ConfigTree;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration option written as in Kelvin's configuration files: {@code 500ms}, {@code 1s},
 * {@code 2m}; a bare number or zero is refused.
 */
final class DurationOption implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String text) {
    Duration value;
    try {
      value = new ConfigTree("option", Map.of("value", text)).duration("value", Duration.ZERO);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + text + "' is not a duration: write a number and a"
          + " unit, such as 500ms, 1s or 2m");
    }
    if (value.isZero()) {
      throw new TypeConversionException("'" + text + "' must be longer than zero");
    }
    return value;
  }
}
