package dev.kelvin.app.predict;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code --until} or {@code --test-from} DATE: {@code 2011-04-06} (the start of that day),
 * {@code 2011-04-06T12:00} or an instant {@code 2011-04-06T12:00:00Z}; read on the data's own
 * clock, which Kelvin keeps as UTC.
 */
final class LoadDateOption implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (text.endsWith("Z")) {
        return Instant.parse(text);
      }
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + text + "' is not a date: write YYYY-MM-DD, such as"
          + " 2011-04-06, or an instant such as 2011-04-06T12:00:00Z");
    }
  }
}
