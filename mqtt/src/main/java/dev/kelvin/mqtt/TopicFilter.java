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

  /** The filter of a shared subscription ({@code $share/group/filter}), else itself. */
  static String unshared(String filter) {
    if (!filter.startsWith("$share/")) {
      return filter;
    }
    int groupEnd = filter.indexOf('/', "$share/".length());
    return groupEnd < 0 ? filter : filter.substring(groupEnd + 1);
  }
}
