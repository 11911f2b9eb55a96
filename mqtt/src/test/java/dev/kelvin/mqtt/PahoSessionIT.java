package dev.kelvin.mqtt;

import static org.awaitility.Awaitility.await;

import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.mqtt.testing.MqttSessionContract;
import dev.kelvin.mqtt.testing.TcpFaultProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;

/**
 * Sessions over Paho keep the session contract against the real Mosquitto that ./test.sh
 * starts (password login, ACL). Each client goes through its own TCP relay, so a test can cut
 * one client off as a pulled cable would.
 */
class PahoSessionIT extends MqttSessionContract {
  private final WallClockScheduler scheduler = new WallClockScheduler("it-mqtt", 2);
  private final List<TcpFaultProxy> proxies = new ArrayList<>();

  @Override
  protected MqttTransport transport() {
    return PahoTransport.INSTANCE;
  }

  @Override
  protected Scheduler scheduler() {
    return scheduler;
  }

  @Override
  protected Link link(String clientId) {
    try {
      TcpFaultProxy proxy = TcpFaultProxy.to(TestServices.mqtt().broker());
      proxies.add(proxy);
      return new ProxyLink(proxy, clientId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void awaitUntil(String what, BooleanSupplier condition) {
    await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
        .until(condition::getAsBoolean);
  }

  @Override
  protected void pass(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterEach
  void closeProxies() {
    proxies.forEach(TcpFaultProxy::close);
    scheduler.close();
  }

  private record ProxyLink(TcpFaultProxy proxy, String clientId) implements Link, Identified {
    @Override
    public MqttEndpoint endpoint() {
      return TestServices.mqttAt(proxy.uri());
    }

    @Override
    public void cut() {
      proxy.cut();
    }

    @Override
    public void restore() {
      try {
        proxy.restore();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
