package dev.kelvin.core.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Explains a key that was given but never read: the nearest key read in the same section (a
 * typo, {@code brokr} for {@code broker}, or another spelling, {@code keepAlive} for
 * {@code keep_alive}), else a key of that name in another section (wrong indentation), and the
 * keys the section does know. The key's value is never shown: a misspelt {@code pasword} holds
 * a password.
 */
final class UnknownKeys {
  private UnknownKeys() {}

  /**
   * @param section the real path of the section holding the key ({@code budgets[1]})
   * @param known the keys read in that section
   * @param everywhere every key read in the document, for keys given in the wrong section
   */
  static ConfigProblem problem(String section, String key, Collection<String> known,
      Collection<ConfigKey> everywhere) {
    String suggestion = nearest(key, known).map(near -> Document.join(section, near))
        .or(() -> inAnotherSection(key, everywhere))
        .map(path -> "; did you mean " + path + "? ").orElse("; ");
    return new ConfigProblem(Document.join(section, key), null,
        "unknown key" + suggestion + knownKeys(section, known));
  }

  private static Optional<String> nearest(String key, Collection<String> known) {
    String wanted = normal(key);
    return known.stream().sorted()
        .filter(candidate -> distance(wanted, normal(candidate))
            <= Math.max(1, normal(candidate).length() / 3))
        .min(Comparator.comparingInt(candidate -> distance(wanted, normal(candidate))));
  }

  private static Optional<String> inAnotherSection(String key, Collection<ConfigKey> keys) {
    String wanted = normal(key);
    return keys.stream().map(ConfigKey::path)
        .filter(path -> normal(path.substring(path.lastIndexOf('.') + 1)).equals(wanted))
        .findFirst();
  }

  private static String knownKeys(String section, Collection<String> known) {
    String where = section.isEmpty() ? "at the top level" : "under " + section;
    if (known.isEmpty()) {
      return "no keys are read " + where;
    }
    return "known keys " + where + ": "
        + known.stream().sorted().collect(Collectors.joining(", "));
  }

  /** Lower case without {@code _} and {@code -}: keepAlive, keep-alive, keep_alive are one. */
  private static String normal(String key) {
    return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  /** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
