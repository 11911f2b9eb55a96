package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostCheckTest {
  private static final DashboardSettings LOOPBACK =
      new DashboardSettings("127.0.0.1", 8080, Duration.ofSeconds(1));

  private static HostCheck with(String... allowed) {
    return HostCheck.of(LOOPBACK.withAllowedHosts(List.of(allowed)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "localhost:8080", "LocalHost:8080", "127.0.0.1",
      "127.0.0.1:8080", "[::1]", "[::1]:8080", "[0:0:0:0:0:0:0:1]:8080"})
  void this_machines_loopback_names_are_allowed_with_and_without_the_port(String host) {
    assertThat(with().allows(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"attacker.example", "attacker.example:8080", "localhost.attacker.example",
      "127.0.0.2", "[::2]", "", " ", "localhost:8080/x", "http://localhost:8080", "local host",
      "[::1", "localhost:8080:80"})
  void a_foreign_or_malformed_host_is_refused(String host) {
    assertThat(with().allows(host)).isFalse();
  }

  @Test
  void a_request_without_a_host_header_is_refused() {
    assertThat(with().allows(null)).isFalse();
  }

  @Test
  void a_configured_name_without_a_port_is_allowed_with_any_port() {
    HostCheck check = with("Kelvin.Example.org");

    assertThat(check.allows("kelvin.example.org")).isTrue();
    assertThat(check.allows("KELVIN.example.org:443")).isTrue();
    assertThat(check.allows("other.example.org")).isFalse();
  }

  @Test
  void a_configured_name_with_a_port_is_allowed_with_that_port_only() {
    HostCheck check = with("proxy.example.org:8443", "[fd00::5]:9000");

    assertThat(check.allows("proxy.example.org:8443")).isTrue();
    assertThat(check.allows("proxy.example.org")).isFalse();
    assertThat(check.allows("proxy.example.org:8080")).isFalse();
    assertThat(check.allows("[fd00:0:0:0:0:0:0:5]:9000")).isTrue();
    assertThat(check.allows("[fd00::5]")).isFalse();
  }

  @Test
  void the_address_it_listens_on_is_allowed() {
    HostCheck check = HostCheck.of(new DashboardSettings("127.0.0.5", 8080,
        Duration.ofSeconds(1)));

    assertThat(check.allows("127.0.0.5:8080")).isTrue();
    assertThat(check.allows("127.0.0.6:8080")).isFalse();
  }

  @Test
  void listening_on_every_interface_allows_every_address_of_this_machine() throws Exception {
    HostCheck check = HostCheck.of(new DashboardSettings("0.0.0.0", 8080,
        Duration.ofSeconds(1)));

    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address) {
          assertThat(check.allows(address.getHostAddress() + ":8080")).as(address.toString())
              .isTrue();
        }
      }
    }
    assertThat(check.allows("attacker.example:8080")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://kelvin.example.org", "kelvin.example.org/", "*", "a b", ""})
  void settings_refuse_an_entry_that_is_not_a_host_naming_it(String entry) {
    assertThatThrownBy(() -> LOOPBACK.withAllowedHosts(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowedHosts entry '" + entry + "'")
        .hasMessageContaining("optionally with :port");
  }

  @Test
  void a_refused_host_is_quoted_short_and_printable_in_log_lines() {
    assertThat(HostCheck.quoted("evil\u0007.example")).isEqualTo("'evil?.example'");
    assertThat(HostCheck.quoted("x".repeat(500))).hasSize(83);
    assertThat(HostCheck.quoted(null)).isEqualTo("none");
  }
}
