package dev.kelvin.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.wire.MqttEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The agent's own loop, with no broker listening: it must run on regardless. */
class NodeAgentTest {
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final FakeNodeHardware hardware = new FakeNodeHardware();
  private final NodeAgent agent = new NodeAgent(AgentSettings.defaults(nowhere())
      .withPublishInterval(Duration.ofMillis(20)), hardware, InstantSource.system(), scheduler);

  /** A loopback port nothing listens on. */
  private static MqttEndpoint nowhere() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return MqttEndpoint.anonymous(URI.create("tcp://127.0.0.1:" + probe.getLocalPort()));
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port", e);
    }
  }

  @AfterEach
  void stop() {
    agent.close();
    scheduler.shutdownNow();
  }

  @Test
  void starts_without_a_broker_and_keeps_its_readings() {
    agent.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> agent.stats().backlog() >= 5);
    assertThat(agent.stats().connected()).isFalse();
    assertThat(agent.stats().readingsPublished()).isZero();
    assertThat(agent.stats().readingsDropped()).isZero();
  }

  @Test
  void counts_failed_samples_and_goes_on_ticking() {
    hardware.failSamples("hwmon read failed");
    agent.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> agent.stats().sampleFailures() >= 3);
    assertThat(agent.stats().backlog()).isZero();

    hardware.failSamples(null);

    await().atMost(Duration.ofSeconds(5)).until(() -> agent.stats().backlog() >= 2);
  }

  @Test
  void closing_counts_unsent_readings_as_dropped_and_is_idempotent() {
    agent.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> agent.stats().backlog() >= 3);

    agent.close();
    long dropped = agent.stats().readingsDropped();
    agent.close();

    assertThat(dropped).isGreaterThanOrEqualTo(3);
    assertThat(agent.stats().backlog()).isZero();
    assertThat(agent.stats().readingsDropped()).isEqualTo(dropped);
  }

  @Test
  void keeps_publishing_after_the_hardware_throws_an_error_once() {
    AtomicBoolean thrown = new AtomicBoolean();
    hardware.beforeSample(() -> {
      if (thrown.compareAndSet(false, true)) {
        throw new NoClassDefFoundError("org/nvidia/nvml/Nvml (a driver upgraded underneath)");
      }
    });
    agent.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> agent.stats().backlog() >= 3);
    assertThat(thrown).isTrue();
    assertThat(agent.stats().tickFailures()).isEqualTo(1);
  }

  @Test
  void runs_lease_expiry_on_a_thread_named_after_it_and_ends_that_thread_on_close() {
    agent.start();
    assertThat(threadsNamedAfter(agent)).contains(agent.clientId() + "-leases");

    agent.close();

    await().atMost(Duration.ofSeconds(5)).until(() -> threadsNamedAfter(agent).isEmpty());
  }

  @Test
  void starts_no_thread_before_it_is_started() {
    assertThat(threadsNamedAfter(agent)).isEmpty();
  }

  private static List<String> threadsNamedAfter(NodeAgent agent) {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .map(Thread::getName).filter(name -> name.contains(agent.clientId())).toList();
  }

  @Test
  void refuses_to_start_twice() {
    agent.start();

    assertThatThrownBy(agent::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already started");
  }

  @Test
  void names_its_client_after_site_and_node() {
    assertThat(agent.clientId()).isEqualTo("kelvin-agent-site-a-n01");
  }
}
