package dev.kelvin.dashboard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which names the dashboard answers to in a request's {@code Host} header, against DNS
 * rebinding: a page on another site whose name was made to resolve to this machine sends its own
 * name, which is not on the list. Built in: {@code localhost}, {@code 127.0.0.1}, {@code [::1]}
 * and the address the dashboard listens on (every address of this machine when it listens on
 * {@code 0.0.0.0} or {@code ::}); the settings add names. An entry without a port matches the name
 * with any port or none (the port says nothing about who sent the request), {@code name:port}
 * only that port. Names compare case-insensitively; IPv6 addresses in brackets compare as
 * addresses. Nothing here resolves a name.
 */
final class HostCheck {
  /** A DNS name or IPv4 address, or an IPv6 address in brackets, then an optional port. */
  private static final Pattern ENTRY = Pattern.compile(
      "(?:[a-z0-9](?:[a-z0-9_.-]*[a-z0-9_])?|\\[[0-9a-f:.]+\\])(?::[0-9]{1,5})?",
      Pattern.CASE_INSENSITIVE);
  private static final List<String> BUILT_IN = List.of("localhost", "127.0.0.1", "[::1]");
  /** The most of a refused Host header a log line quotes. */
  private static final int QUOTED_CHARS = 80;

  private final Set<String> anyPort;
  private final Set<String> exact;

  private HostCheck(Set<String> anyPort, Set<String> exact) {
    this.anyPort = Set.copyOf(anyPort);
    this.exact = Set.copyOf(exact);
  }

  /** The built-in names, those of {@code settings} and the address it listens on. */
  static HostCheck of(DashboardSettings settings) {
    Set<String> anyPort = new HashSet<>();
    Set<String> exact = new HashSet<>();
    for (String entry : BUILT_IN) {
      anyPort.add(normalized(entry).orElseThrow());
    }
    listeningAddresses(settings.host()).forEach(address -> anyPort.add(literal(address)));
    for (String entry : settings.allowedHosts()) {
      String name = normalized(entry).orElseThrow();
      (hasPort(name) ? exact : anyPort).add(name);
    }
    return new HostCheck(anyPort, exact);
  }

  /** Whether a request with this {@code Host} header (null when it had none) may be answered. */
  boolean allows(String hostHeader) {
    if (hostHeader == null) {
      return false;
    }
    Optional<String> host = normalized(hostHeader.trim());
    if (host.isEmpty()) {
      return false;
    }
    String value = host.get();
    return exact.contains(value) || anyPort.contains(withoutPort(value));
  }

  /**
   * Refuses an {@code allowed_hosts} entry that is not a host name or address with an optional
   * port, naming it.
   */
  static void requireValidEntry(String entry) {
    if (entry == null || normalized(entry).isEmpty()) {
      throw new IllegalArgumentException("dashboard allowedHosts entry '" + entry + "' must be"
          + " a host name or address, optionally with :port, e.g. kelvin.example.org,"
          + " 10.0.0.5 or [fd00::5]:8080 (a URL or a path given?)");
    }
  }

  /** {@code value} made safe and short for a log line. */
  static String quoted(String value) {
    if (value == null) {
      return "none";
    }
    String shown = value.length() > QUOTED_CHARS ? value.substring(0, QUOTED_CHARS) + "…"
        : value;
    return "'" + shown.replaceAll("[^\\x20-\\x7e…]", "?") + "'";
  }

  /** Lower case, an IPv6 address in its canonical form; empty when not a valid entry. */
  private static Optional<String> normalized(String value) {
    if (!ENTRY.matcher(value).matches()) {
      return Optional.empty();
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("[")) {
      return Optional.of(lower);
    }
    int close = lower.indexOf(']');
    try {
      // A literal with ':' in it: parsed, never looked up.
      InetAddress address = InetAddress.getByName(lower.substring(1, close));
      return Optional.of(literal(address) + lower.substring(close + 1));
    } catch (UnknownHostException notAnAddress) {
      return Optional.empty();
    }
  }

  private static boolean hasPort(String normalized) {
    return normalized.lastIndexOf(':') > normalized.lastIndexOf(']');
  }

  private static String withoutPort(String normalized) {
    return hasPort(normalized) ? normalized.substring(0, normalized.lastIndexOf(':'))
        : normalized;
  }

  /** {@code 10.0.0.5}, or {@code [fd00:0:0:0:0:0:0:5]} without a scope. */
  private static String literal(InetAddress address) {
    String text = address.getHostAddress();
    int scope = text.indexOf('%');
    if (scope >= 0) {
      text = text.substring(0, scope);
    }
    return text.contains(":") ? "[" + text + "]" : text;
  }

  /** The address the dashboard listens on, or every address of this machine for a wildcard. */
  private static Set<InetAddress> listeningAddresses(String host) {
    InetAddress bound = new InetSocketAddress(host, 0).getAddress();
    if (bound == null) {
      return Set.of();
    }
    if (!bound.isAnyLocalAddress()) {
      return Set.of(bound);
    }
    Set<InetAddress> all = new HashSet<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        all.addAll(Collections.list(nic.getInetAddresses()));
      }
    } catch (SocketException e) {
      // No interface list: only the built-in and configured names are accepted.
    }
    return all;
  }
}
