package dev.kelvin.policy.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditStage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One audit record as one line of JSON, and back. Instants are ISO-8601, the lease is in
 * seconds (exact, with a fraction where it has one), numbers that are not finite are written as
 * {@code null}, and {@code modelVersion} names the model whose prediction the action was based
 * on ({@code null} for none; lines written before it existed lack it and read back as none).
 * {@code before} is the setpoint in force when the action was decided, as the snapshot read it,
 * and {@code after} the value the action sets ({@code null} when unknown or not a setpoint); a
 * {@code result} holds both as read back from the node.
 * Each line ends in {@code prev} and {@code hash}, its links in the hash chain ({@link
 * AuditChain}); reading a record back ignores them. Besides what a person reads ({@code
 * target}, {@code what}, {@code reason}) each line carries the action's own fields under
 * {@code params}, so the record can be rebuilt.
 */
final class AuditJson {
  private final ObjectMapper mapper =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /**
   * The record as one line of JSON, without the line break, ending in {@code "prev"}: the hash
   * of the line before it, which {@link AuditChain#seal} follows with the line's own. Never
   * throws.
   */
  String body(AuditRecord record, String prev) {
    AuditEvent event = record.event();
    Action action = event.action();
    ObjectNode line = mapper.createObjectNode();
    line.put("seq", record.seq()).put("at", event.at().toString())
        .put("stage", event.stage().label()).put("actor", event.actor())
        .put("type", ActionJson.type(action)).put("id", action.id().value())
        .put("target", action.target()).put("what", action.describe())
        .put("rule", action.rule()).put("reason", action.reason());
    ArrayNode facts = line.putArray("facts");
    for (Fact fact : action.facts()) {
      ObjectNode node = facts.addObject().put("name", fact.name());
      putNumber(node, "value", fact.value());
      node.put("unit", fact.unit());
    }
    line.put("proposedAt", action.proposedAt().toString())
        .put("leaseSeconds", seconds(action.lease()))
        .put("modelVersion", action.meta().modelVersion().orElse(null))
        .put("detail", event.detail());
    putOptional(line, "before", event.before());
    putNumber(line, "after", action instanceof SetpointAction setpoint ? setpoint.value()
        : Double.NaN);
    ActionJson.writeParams(action, line.putObject("params"));
    event.result().ifPresent(result -> writeResult(result, line.putObject("result")));
    line.put("prev", prev);
    return line.toString();
  }

  /**
   * Parses one line into a JSON object that carries a {@code seq}.
   *
   * @throws IllegalArgumentException when the line is not such an object
   */
  JsonNode parse(String line) {
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject() || !node.path("seq").canConvertToExactIntegral()) {
      throw new IllegalArgumentException("not a JSON object with a whole-number seq");
    }
    return node;
  }

  static long seq(JsonNode line) {
    return line.get("seq").longValue();
  }

  /**
   * Rebuilds the record a parsed line holds.
   *
   * @throws IllegalArgumentException (or a core validation error) naming what is wrong
   */
  AuditRecord record(JsonNode line) {
    ActionMeta meta = new ActionMeta(new ActionId(ActionJson.text(line, "id")),
        ActionJson.text(line, "rule"), ActionJson.text(line, "reason"), facts(line),
        Instant.parse(ActionJson.text(line, "proposedAt")), lease(line), modelVersion(line));
    Action action = ActionJson.read(ActionJson.text(line, "type"), meta, line.path("params"));
    JsonNode result = line.get("result");
    AuditEvent event = new AuditEvent(Instant.parse(ActionJson.text(line, "at")),
        AuditStage.valueOf(ActionJson.text(line, "stage").toUpperCase(Locale.ROOT)), action,
        ActionJson.text(line, "actor"), ActionJson.text(line, "detail"),
        result == null || result.isNull()
            ? Optional.empty() : Optional.of(readResult(result)), optional(line, "before"));
    return new AuditRecord(seq(line), event);
  }

  private static void writeResult(ActionResult result, ObjectNode node) {
    node.put("id", result.id().value())
        .put("outcome", result.outcome().name().toLowerCase(Locale.ROOT))
        .put("at", result.at().toString());
    putOptional(node, "before", result.before());
    putOptional(node, "after", result.after());
    if (result.leaseExpiresAt().isPresent()) {
      node.put("leaseExpiresAt", result.leaseExpiresAt().get().toString());
    } else {
      node.putNull("leaseExpiresAt");
    }
    node.put("detail", result.detail());
  }

  private static ActionResult readResult(JsonNode node) {
    JsonNode expires = node.path("leaseExpiresAt");
    return new ActionResult(new ActionId(ActionJson.text(node, "id")),
        ActionResult.Outcome.valueOf(ActionJson.text(node, "outcome").toUpperCase(Locale.ROOT)),
        Instant.parse(ActionJson.text(node, "at")), optional(node, "before"),
        optional(node, "after"),
        expires.isTextual() ? Optional.of(Instant.parse(expires.asText())) : Optional.empty(),
        ActionJson.text(node, "detail"));
  }

  private static List<Fact> facts(JsonNode line) {
    List<Fact> facts = new ArrayList<>();
    for (JsonNode fact : line.path("facts")) {
      JsonNode value = fact.path("value");
      facts.add(new Fact(ActionJson.text(fact, "name"),
          value.isNumber() ? value.doubleValue() : Double.NaN, ActionJson.text(fact, "unit")));
    }
    return facts;
  }

  private static BigDecimal seconds(Duration lease) {
    BigDecimal exact = BigDecimal.valueOf(lease.getSeconds())
        .add(BigDecimal.valueOf(lease.getNano(), 9)).stripTrailingZeros();
    return new BigDecimal(exact.toPlainString());
  }

  private static Duration lease(JsonNode line) {
    JsonNode value = line.get("leaseSeconds");
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException("field 'leaseSeconds' is missing or not a number");
    }
    BigDecimal seconds = value.decimalValue();
    long whole = seconds.longValue();
    int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValueExact();
    return Duration.ofSeconds(whole, nanos);
  }

  /** The version of the model behind the action; absent or null (older files) for none. */
  private static Optional<String> modelVersion(JsonNode line) {
    JsonNode value = line.path("modelVersion");
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("field 'modelVersion' must be text or null, was "
          + value);
    }
    return Optional.of(value.asText());
  }

  private static void putNumber(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  private static void putOptional(ObjectNode node, String field, OptionalDouble value) {
    putNumber(node, field, value.orElse(Double.NaN));
  }

  private static OptionalDouble optional(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? OptionalDouble.of(value.doubleValue()) : OptionalDouble.empty();
  }
}
