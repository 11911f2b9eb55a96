package dev.kelvin.core.config;

import static dev.kelvin.core.config.Docs.map;
import static dev.kelvin.core.config.Docs.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PathsUrisAndSecretsTest {
  @Test
  void resolves_a_relative_path_and_a_relative_default_against_the_base_folder() {
    Path base = Path.of("/etc/kelvin");
    ConfigTree tree = new ConfigTree("kelvin.yaml", base, map("audit", "logs/audit.jsonl"));
    assertThat(tree.path("audit", Path.of("audit.jsonl")))
        .isEqualTo(Path.of("/etc/kelvin/logs/audit.jsonl"));
    assertThat(tree.path("models", Path.of("models")))
        .isEqualTo(Path.of("/etc/kelvin/models"));
  }

  @Test
  void keeps_an_absolute_path() {
    ConfigTree tree = new ConfigTree("kelvin.yaml", Path.of("/etc/kelvin"),
        map("audit", "/var/lib/kelvin/audit.jsonl"));
    assertThat(tree.path("audit", Path.of("audit.jsonl")))
        .isEqualTo(Path.of("/var/lib/kelvin/audit.jsonl"));
  }

  @Test
  void refuses_a_path_starting_with_a_tilde() {
    assertThatThrownBy(() -> tree("audit", "~/audit.jsonl").path("audit", Path.of("a")))
        .hasMessageStartingWith("kelvin.yaml: audit = \"~/audit.jsonl\": ~ is not expanded;");
  }

  @Test
  void a_file_names_itself_in_messages_and_is_the_base_of_its_paths() {
    ConfigTree tree = ConfigTree.forFile(Path.of("/etc/kelvin/kelvin.yaml"),
        map("audit", "audit.jsonl", "port", "x"));
    assertThat(tree.path("audit", Path.of("a"))).isEqualTo(Path.of("/etc/kelvin/audit.jsonl"));
    assertThatThrownBy(() -> tree.integer("port", 1, 1, 2))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.source()).isEqualTo("/etc/kelvin/kelvin.yaml"))
        .hasMessageStartingWith("/etc/kelvin/kelvin.yaml: port = \"x\": ");
  }

  @Test
  void reads_a_uri() {
    assertThat(tree("broker", "ssl://mqtt.site-a:8883").uri("broker", URI.create("tcp://x:1")))
        .isEqualTo(URI.create("ssl://mqtt.site-a:8883"));
  }

  @Test
  void refuses_a_uri_without_a_scheme_or_with_bad_characters() {
    assertThatThrownBy(() -> tree("broker", "localhost:1883").uri("broker", URI.create("a:b")))
        .hasMessage("kelvin.yaml: broker = \"localhost:1883\": looks like host:port without a"
            + " scheme; write it like tcp://host:1883 or https://host/path");
    assertThatThrownBy(() -> tree("broker", "/mqtt").uri("broker", URI.create("a:b")))
        .hasMessageContaining("a URI needs a scheme");
    assertThatThrownBy(() -> tree("broker", "tcp://a b:1").uri("broker", URI.create("a:b")))
        .hasMessageStartingWith("kelvin.yaml: broker = \"tcp://a b:1\": not a URI (");
  }

  @Test
  void reads_a_secret() {
    assertThat(tree("password", "hunter2").secret("password")).contains("hunter2");
    assertThat(tree().secret("password")).isEmpty();
  }

  @Test
  void never_shows_a_secret_in_a_message() {
    assertThatThrownBy(() -> tree("password", 20240611).secret("password"))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.value()).isEqualTo("\"***\""))
        .hasMessageStartingWith("kelvin.yaml: password = \"***\": must be text; put it in quotes")
        .hasMessageNotContaining("20240611");
    assertThatThrownBy(() -> tree("password", List.of("hunter2")).secret("password"))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void optional_of_a_given_secret_is_the_text_as_written() {
    assertThat(tree("token", " t0k3n ").secret("token")).isEqualTo(Optional.of(" t0k3n "));
  }
}
