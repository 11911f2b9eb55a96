package dev.kelvin.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example configurations of docs/examples, copied so that a unit test can read them.
 *
 * <p>The examples name the password file that {@code scripts/services.sh start} writes under
 * {@code /tmp/kelvin-services}, which a unit test cannot count on: the copy names a password
 * file of its own, in the copy's folder, holding {@link #PASSWORD}. Every other line is the
 * example's.
 */
public final class ExampleConfigs {
  /** The password the copies' password file holds. */
  public static final String PASSWORD = "example-password-7f3c";

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");
  private static final String SERVICES_PASSWORD =
      "password_file: /tmp/kelvin-services/mosquitto/password";

  private ExampleConfigs() {}

  /** docs/examples/{@code name} copied into {@code folder}, with a password file there. */
  public static Path copy(String name, Path folder) throws IOException {
    String example = Files.readString(EXAMPLES.resolve(name));
    assertThat(example).as("docs/examples/%s names the test services' password file", name)
        .contains(SERVICES_PASSWORD);
    Path password = Files.writeString(folder.resolve("mqtt.password"), PASSWORD + "\n");
    return Files.writeString(folder.resolve(name),
        example.replace(SERVICES_PASSWORD, "password_file: " + password));
  }
}
