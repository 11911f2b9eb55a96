package dev.kelvin.telemetry.broker;

import dev.kelvin.mqtt.access.AccessModel;
import dev.kelvin.mqtt.access.Identity;
import dev.kelvin.mqtt.access.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The logins the embedded broker accepts and the access model that decides their topics. The
 * demo generates a password per identity and run ({@link #generated}); nothing is stored on disk.
 */
public final class BrokerAccess {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int PASSWORD_BYTES = 18;

  /** One login: who it is and its password. */
  public record Account(Identity identity, String password) {
    public Account {
      Objects.requireNonNull(identity, "identity");
      if (password == null || password.length() < 12) {
        throw new IllegalArgumentException("the password of MQTT user '"
            + (identity == null ? null : identity.username()) + "' must have 12 characters or"
            + " more");
      }
    }

    public String username() {
      return identity.username();
    }

    public Role role() {
      return identity.role();
    }

    /** Hides the password. */
    @Override
    public String toString() {
      return "Account[" + identity + ", password=***]";
    }
  }

  private final AccessModel model;
  private final Map<String, Account> accounts;

  /**
   * @throws IllegalArgumentException when two accounts have the same username
   */
  public BrokerAccess(AccessModel model, List<Account> accounts) {
    this.model = Objects.requireNonNull(model, "model");
    Map<String, Account> byName = new LinkedHashMap<>();
    for (Account account : accounts) {
      if (byName.putIfAbsent(account.username(), account) != null) {
        throw new IllegalArgumentException("MQTT user '" + account.username()
            + "' is listed twice; each login must be unique");
      }
    }
    this.accounts = Map.copyOf(byName);
  }

  /** An account of {@code identity} with a fresh random password. */
  public static Account generated(Identity identity) {
    byte[] secret = new byte[PASSWORD_BYTES];
    RANDOM.nextBytes(secret);
    return new Account(identity, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  public AccessModel model() {
    return model;
  }

  /** The account of {@code username}, if there is one. */
  public Optional<Account> account(String username) {
    return Optional.ofNullable(accounts.get(username));
  }

  /** The account whose username and password these are; compares in constant time. */
  Optional<Account> login(String username, byte[] password) {
    Account account = accounts.get(username);
    if (account == null) {
      return Optional.empty();
    }
    byte[] expected = account.password().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, password) ? Optional.of(account) : Optional.empty();
  }
}
