package dev.kelvin.app.config;

import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.MqttTls;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.ReconnectPacing;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.tls.TlsContexts;
import dev.kelvin.mqtt.tls.TlsSetupException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code mqtt} section that {@code kelvin.yaml} and {@code agent.yaml} share: the broker,
 * the login (the password from a file or an environment variable, never inline), TLS, the
 * topic prefix and the session's pacing.
 */
public record MqttConfig(MqttEndpoint endpoint, Topics topics, ReconnectPacing reconnect,
    Duration keepAlive, Duration connectTimeout, boolean anonymousForTests, String source) {
  public static final URI DEFAULT_BROKER = URI.create("tcp://127.0.0.1:1883");

  /** Reads the {@code mqtt} section of {@code root}. */
  public static MqttConfig read(ConfigTree root) {
    ConfigTree mqtt = root.section("mqtt");
    URI broker = mqtt.uri("broker", DEFAULT_BROKER);
    Optional<String> username = mqtt.optionalString("username");
    Optional<String> password = Passwords.read(mqtt);
    Optional<MqttTls> tls = tls(mqtt.section("tls"));
    boolean anonymousForTests = mqtt.bool("allow_anonymous_for_tests", false);
    requirePassword(mqtt, username, password, tls);
    Topics topics = mqtt.build("topic_prefix", () -> new Topics(mqtt.string("topic_prefix",
        Topics.DEFAULT_PREFIX)));
    Duration keepAlive = mqtt.duration("keep_alive", Duration.ofSeconds(30));
    Duration connectTimeout = mqtt.duration("connect_timeout", Duration.ofSeconds(10));
    ReconnectPacing pacing = mqtt.build(() -> new ReconnectPacing(
        mqtt.duration("reconnect_first", Duration.ofSeconds(1)),
        mqtt.duration("reconnect_max", Duration.ofSeconds(30))));
    MqttEndpoint endpoint = mqtt.build(() -> new MqttEndpoint(broker, username, password, tls));
    MqttConfig config = new MqttConfig(endpoint, topics, pacing, keepAlive, connectTimeout,
        anonymousForTests, mqtt.source());
    mqtt.build(() -> config.session("probe", Duration.ZERO));
    return config;
  }

  /**
   * Every Kelvin client authenticates: a username with its password, or a TLS client
   * certificate. Only a configuration that says it is a test may connect without. Called once
   * every key was read, so that a missing login does not hide the document's other mistakes.
   *
   * @throws ConfigException naming {@code mqtt.username} when there is no login
   */
  public void requireLogin() {
    boolean certificate = endpoint.tls().flatMap(MqttTls::clientCertFile).isPresent();
    if (endpoint.username().isEmpty() && !certificate && !anonymousForTests) {
      throw new ConfigException(source, "mqtt.username", null, "a broker login is required:"
          + " set username with password_file or password_env (or a TLS client certificate);"
          + " only a test broker may be used without one (allow_anonymous_for_tests: true)");
    }
  }

  private static void requirePassword(ConfigTree mqtt, Optional<String> username,
      Optional<String> password, Optional<MqttTls> tls) {
    boolean certificate = tls.flatMap(MqttTls::clientCertFile).isPresent();
    if (username.isPresent() && password.isEmpty() && !certificate) {
      throw new ConfigException(mqtt.source(), "mqtt.password_file", null, "user '"
          + username.get() + "' needs a password: set password_file or password_env");
    }
  }

  /** A session of {@code clientId} with this broker, pacing and timeouts. */
  public SessionSettings session(String clientId, Duration sessionExpiry) {
    return new SessionSettings(endpoint, clientId, sessionExpiry, Optional.empty(), reconnect,
        keepAlive, connectTimeout);
  }

  private static Optional<MqttTls> tls(ConfigTree tls) {
    Optional<Path> ca = tls.optionalPath("ca_file");
    Optional<Path> cert = tls.optionalPath("client_cert_file");
    Optional<Path> key = tls.optionalPath("client_key_file");
    if (ca.isEmpty()) {
      if (cert.isPresent() || key.isPresent()) {
        throw new ConfigException(tls.source(), "mqtt.tls.ca_file", null, "a client certificate"
            + " needs the CA file that signed the broker's certificate too");
      }
      return Optional.empty();
    }
    MqttTls files = tls.build(() -> new MqttTls(ca.get(), cert, key));
    try {
      TlsContexts.sslContext(files);
    } catch (TlsSetupException e) {
      throw new ConfigException(tls.source(), "mqtt.tls." + keyOf(e.file(), ca.get(), cert),
          "\"" + e.file() + "\"", e.getMessage());
    }
    return Optional.of(files);
  }

  /** The key under {@code mqtt.tls} that names {@code file}, the file a TLS error is about. */
  private static String keyOf(Path file, Path ca, Optional<Path> cert) {
    if (file.equals(ca)) {
      return "ca_file";
    }
    return cert.filter(file::equals).isPresent() ? "client_cert_file" : "client_key_file";
  }
}
