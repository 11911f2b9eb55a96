package dev.kelvin.actuators.slurm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;

/**
 * Reading Slurm's {@code --json} answers (data plugin openapi/v0.0.38, Slurm 22.05): the
 * document, its {@code errors} and its list, and the fields of one record, each refusal naming
 * the field and a likely cause. Times are epoch seconds, 0 for "not set".
 */
final class SlurmJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String NEWER = " (Slurm 23.02 or newer? Kelvin reads the JSON of Slurm"
      + " 22.05, data plugin openapi/v0.0.38)";

  private SlurmJson() {}

  /**
   * The array {@code listField} of the answer {@code json} of {@code command}.
   *
   * @throws SlurmQueryException when the answer is not JSON, reports errors or has no such list
   */
  static JsonNode list(String command, String json, String listField) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SlurmQueryException(command + " printed no valid JSON ("
          + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
          + "): an old Slurm without --json, or a wrapper printing text first?");
    }
    if (root == null || !root.isObject()) {
      throw new SlurmQueryException(command + " printed " + (root == null ? "nothing"
          : "a JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
          + " where a JSON object with '" + listField + "' was expected");
    }
    JsonNode errors = root.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      throw new SlurmQueryException(command + " reported errors: " + errors.get(0));
    }
    JsonNode list = root.get(listField);
    if (list == null || !list.isArray()) {
      throw new SlurmQueryException(command + " printed no '" + listField + "' list" + NEWER);
    }
    return list;
  }

  static String text(JsonNode record, String field, String what) {
    JsonNode value = present(record, field, what);
    if (!value.isTextual()) {
      throw new RejectedRecord(SlurmReject.BAD_VALUE, what + ": field '" + field
          + "' must be text, was " + value + NEWER);
    }
    return value.asText();
  }

  static String textOr(JsonNode record, String field, String fallback) {
    JsonNode value = record.get(field);
    return value == null || !value.isTextual() ? fallback : value.asText();
  }

  static long number(JsonNode record, String field, String what) {
    JsonNode value = present(record, field, what);
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new RejectedRecord(SlurmReject.BAD_VALUE, what + ": field '" + field
          + "' must be a whole number, was " + value + NEWER);
    }
    return value.asLong();
  }

  /** An epoch-seconds time; empty when Slurm says 0 ("not set") or null. */
  static Optional<Instant> time(JsonNode record, String field, String what) {
    JsonNode value = record.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    long seconds = number(record, field, what);
    if (seconds < 0) {
      throw new RejectedRecord(SlurmReject.BAD_VALUE, what + ": field '" + field + "' must be"
          + " epoch seconds >= 0, was " + seconds);
    }
    return seconds == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(seconds));
  }

  static JsonNode present(JsonNode record, String field, String what) {
    JsonNode value = record.get(field);
    if (value == null || value.isNull()) {
      throw new RejectedRecord(SlurmReject.MISSING_FIELD, what + ": field '" + field
          + "' is missing" + NEWER);
    }
    return value;
  }
}
