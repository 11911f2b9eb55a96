package dev.kelvin.mqtt;

/**
 * MQTT topic filter matching: {@code +} matches one level, a final {@code #} the rest (its
 * parent level included), and a shared subscription {@code $share/group/filter} matches as its
 * filter. Topics starting with {@code $} match only filters that name that first level.
 */
public final class TopicFilter {
  private TopicFilter() {}

  public static boolean matches(String filter, String topic) {
    String plain = unshared(filter);
    if (topic.startsWith("$") && (plain.startsWith("+") || plain.startsWith("#"))) {
      return false;
    }
    String[] wanted = plain.split("/", -1);
    String[] levels = topic.split("/", -1);
    for (int i = 0; i < wanted.length; i++) {
      if (wanted[i].equals("#")) {
        return i == wanted.length - 1;
      }
      if (i >= levels.length) {
        return false;
      }
      if (!wanted[i].equals("+") && !wanted[i].equals(levels[i])) {
        return false;
      }
    }
    return wanted.length == levels.length;
  }

  /**
   * Whether every topic {@code requested} matches is also matched by {@code granted}: what a
   * broker checks before it accepts a subscription under a grant. {@code a/+/c} covers
   * {@code a/b/c} and {@code a/+/c} but not {@code a/#}; {@code a/#} covers all of them.
   */
  public static boolean covers(String granted, String requested) {
    String[] grant = unshared(granted).split("/", -1);
    String[] wanted = unshared(requested).split("/", -1);
    for (int i = 0; i < grant.length; i++) {
      if (grant[i].equals("#")) {
        return i == grant.length - 1;
      }
      if (i >= wanted.length || wanted[i].equals("#")) {
        return false;
      }
      if (!grant[i].equals("+") && !grant[i].equals(wanted[i])) {
        return false;
      }
    }
    return grant.length == wanted.length;
  }

  /** The filter of a shared subscription ({@code $share/group/filter}), else itself. */
  static String unshared(String filter) {
    if (!filter.startsWith("$share/")) {
      return filter;
    }
    int groupEnd = filter.indexOf('/', "$share/".length());
    return groupEnd < 0 ? filter : filter.substring(groupEnd + 1);
  }
}
