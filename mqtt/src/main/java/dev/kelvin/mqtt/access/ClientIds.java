package dev.kelvin.mqtt.access;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Client ids derived from the identity that logs in: {@code <username>:<session>}, such as
 * {@code kelvin-controller:ingest}. A broker that knows the rule (the embedded one) refuses a
 * client id that does not start with its own username and a colon, so one identity cannot take
 * another's session; a username therefore may not contain a colon. Without a login (allowed
 * only for tests) the id is {@code kelvin:<session>}.
 */
public final class ClientIds {
  /** Between the username and the session name. */
  public static final char SEPARATOR = ':';
  /** What stands for the username when there is none. */
  public static final String ANONYMOUS = "kelvin";
  private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  private ClientIds() {}

  /**
   * The client id of session {@code session} of {@code username}.
   *
   * @throws IllegalArgumentException for a username with a colon, or a session name outside
   *     letters, digits and {@code . _ : -}
   */
  public static String of(Optional<String> username, String session) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(session, "session");
    if (!SESSION.matcher(session).matches()) {
      throw new IllegalArgumentException("MQTT session name '" + session + "' must be 1 to 100"
          + " letters, digits or . _ : -");
    }
    return username.map(ClientIds::checkedUsername).orElse(ANONYMOUS) + SEPARATOR + session;
  }

  /** Whether {@code clientId} is one that {@code username} may use. */
  public static boolean belongsTo(String clientId, String username) {
    return validUsername(username) && clientId.startsWith(username + SEPARATOR)
        && clientId.length() > username.length() + 1;
  }

  /**
   * Whether {@code username} can have client ids under this rule: non-empty, no colon, no
   * white space or control characters.
   */
  public static boolean validUsername(String username) {
    return username != null && !username.isEmpty() && username.chars().noneMatch(
        c -> c == SEPARATOR || Character.isWhitespace(c) || Character.isISOControl(c));
  }

  private static String checkedUsername(String username) {
    if (!validUsername(username)) {
      throw new IllegalArgumentException("MQTT username '" + username + "' must be non-empty,"
          + " without '" + SEPARATOR + "' and white space: Kelvin derives client ids as"
          + " <username>:<session>");
    }
    return username;
  }
}
