package dev.kelvin.agent;

import dev.kelvin.core.model.Device;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kelvin.agent.lease.Refusal;
import dev.kelvin.agent.lease.SetpointLeases;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandAck.Status;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.NodeCommand;
import dev.kelvin.mqtt.StrictJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CommandHandlerTest {
  private final MutableClock clock = new MutableClock();
  private final FakeNodeHardware hardware = new FakeNodeHardware();
  private final CommandHandler handler = new CommandHandler(hardware.node(),
      new SetpointLeases(hardware, clock, Duration.ofMinutes(10), Duration.ofSeconds(5)), clock);

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger handlerLog = (Logger) LoggerFactory.getLogger(CommandHandler.class);

  @BeforeEach
  void captureLog() {
    logged.start();
    handlerLog.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    handlerLog.detachAppender(logged);
  }

  private static byte[] command(String id, double mhz, Duration lease) {
    return command(id, mhz, lease, MutableClock.START);
  }

  private static byte[] command(String id, double mhz, Duration lease, Instant issuedAt) {
    NodeCommand command = new NodeCommand(id, SetpointKind.CPU_FREQ_CAP, Optional.empty(),
        mhz, lease, issuedAt, "thermal-cap-cpu");
    return StrictJson.write(CommandWire.encode(command));
  }

  private long warnings() {
    return logged.list.stream().filter(event -> event.getLevel() == Level.WARN).count();
  }

  private static byte[] text(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void applies_a_valid_command_and_counts_it() {
    Optional<CommandAck> ack = handler.handle(command("a-1", 2000, Duration.ofSeconds(60)));

    assertThat(ack).get().satisfies(answer -> {
      assertThat(answer.status()).isEqualTo(Status.APPLIED);
      assertThat(answer.after()).hasValue(2000);
    });
    assertThat(hardware.cpuCapMhz()).isEqualTo(2000);
    assertThat(handler.applied()).isEqualTo(1);
  }

  @Test
  void counts_rejections_and_failures_from_the_lease_table() {
    handler.handle(command("a-1", 2000, Duration.ofHours(1)));
    hardware.failWrites("busy");
    handler.handle(command("a-2", 2000, Duration.ofSeconds(60)));

    assertThat(handler.rejected()).isEqualTo(1);
    assertThat(handler.failed()).isEqualTo(1);
    assertThat(handler.applied()).isZero();
  }

  @Test
  void counts_refusals_by_reason_and_duplicates_apart_from_applied_commands() {
    Instant hourAhead = MutableClock.START.plus(Duration.ofHours(1));
    handler.handle(command("future", 2000, Duration.ofSeconds(60), hourAhead));
    handler.handle(command("long", 2000, Duration.ofHours(1)));
    handler.handle(text("{\"v\":1,\"id\":\"bad\",\"type\":\"set_cpu_freq_cap\"}"));
    byte[] normal = command("a-1", 2000, Duration.ofSeconds(60));
    handler.handle(normal);
    Optional<CommandAck> duplicate = handler.handle(normal);

    assertThat(duplicate).get().extracting(CommandAck::status).isEqualTo(Status.APPLIED);
    assertThat(handler.applied()).isEqualTo(1);
    assertThat(handler.duplicates()).isEqualTo(1);
    assertThat(handler.rejected()).isEqualTo(3);
    assertThat(handler.refusals()).containsEntry(Refusal.ISSUED_IN_FUTURE, 1L)
        .containsEntry(Refusal.LEASE_TOO_LONG, 1L).containsEntry(Refusal.MALFORMED, 1L)
        .containsEntry(Refusal.STALE, 0L).hasSize(Refusal.values().length);
    assertThat(handler.refusals().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(handler.rejected());
    assertThat(hardware.writes(SetpointKind.CPU_FREQ_CAP, Optional.empty())).isEqualTo(1);
  }

  @Test
  void logs_refusals_at_most_once_a_minute_per_reason_while_counting_each() {
    Instant hourAhead = MutableClock.START.plus(Duration.ofHours(1));
    for (int i = 0; i < 100; i++) {
      handler.handle(command("forged-" + i, 1200, Duration.ofSeconds(60), hourAhead));
    }
    assertThat(warnings()).isEqualTo(1);
    assertThat(logged.list.get(0).getFormattedMessage()).contains("rejected command forged-0")
        .contains("issued_in_future");

    clock.advance(Duration.ofMinutes(1));
    handler.handle(command("forged-100", 1200, Duration.ofSeconds(60), hourAhead));
    handler.handle(command("stale", 1200, Duration.ofSeconds(60),
        MutableClock.START.minus(Duration.ofMinutes(5))));

    assertThat(warnings()).isEqualTo(3);
    assertThat(logged.list.get(1).getFormattedMessage()).contains("101 issued_in_future so far");
    assertThat(handler.refusals()).containsEntry(Refusal.ISSUED_IN_FUTURE, 101L)
        .containsEntry(Refusal.STALE, 1L);
  }

  @Test
  void rejects_a_malformed_command_whose_id_is_readable_naming_the_field() {
    Optional<CommandAck> ack = handler.handle(text("{\"v\":1,\"id\":\"a-7\","
        + "\"type\":\"set_cpu_freq_cap\",\"cpu_freq_cap_mhz\":\"fast\",\"lease_s\":60,"
        + "\"issued_ts_ms\":1767225600000}"));

    assertThat(ack).get().satisfies(answer -> {
      assertThat(answer.id()).isEqualTo("a-7");
      assertThat(answer.status()).isEqualTo(Status.REJECTED);
      assertThat(answer.message()).startsWith("malformed command:")
          .contains("cpu_freq_cap_mhz");
      assertThat(answer.at()).isEqualTo(MutableClock.START);
    });
    assertThat(handler.malformed()).isEqualTo(1);
    assertThat(handler.rejected()).isEqualTo(1);
    assertThat(hardware.writes(SetpointKind.CPU_FREQ_CAP, Optional.empty())).isZero();
  }

  @Test
  void rejects_an_unknown_command_type_by_name() {
    Optional<CommandAck> ack = handler.handle(text("{\"v\":1,\"id\":\"a-8\","
        + "\"type\":\"set_fan_speed\",\"lease_s\":60,\"issued_ts_ms\":1767225600000}"));

    assertThat(ack).get().extracting(CommandAck::message).asString()
        .contains("set_fan_speed");
  }

  @Test
  void cannot_answer_payloads_without_a_readable_id_but_counts_them() {
    assertThat(handler.handle(text("not json at all"))).isEmpty();
    assertThat(handler.handle(text("[1,2,3]"))).isEmpty();
    assertThat(handler.handle(text("{\"v\":1,\"type\":\"set_cpu_freq_cap\"}"))).isEmpty();
    assertThat(handler.handle(text("{\"v\":1,\"id\":42}"))).isEmpty();
    assertThat(handler.handle(new byte[0])).isEmpty();

    assertThat(handler.malformed()).isEqualTo(5);
    assertThat(handler.rejected()).isZero();
  }

  @Test
  void refuses_nan_literals_duplicate_keys_and_oversized_payloads() {
    assertThat(handler.handle(text("{\"v\":1,\"id\":\"a\",\"cpu_freq_cap_mhz\":NaN}"))).isEmpty();
    assertThat(handler.handle(text("{\"id\":\"a\",\"id\":\"b\"}"))).isEmpty();
    assertThat(handler.handle(new byte[CommandHandler.MAX_COMMAND_BYTES + 1])).isEmpty();

    assertThat(handler.malformed()).isEqualTo(3);
    assertThat(hardware.writes(SetpointKind.CPU_FREQ_CAP, Optional.empty())).isZero();
  }
}
