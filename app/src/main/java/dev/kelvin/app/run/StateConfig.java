package dev.kelvin.app.run;

import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.state.StateSettings;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code state} section: how the live cluster state keeps readings. */
final class StateConfig {
  private StateConfig() {}

  static StateSettings read(ConfigTree section) {
    StateSettings defaults = StateSettings.defaults();
    int window = section.integer("window", defaults.windowSize(), 1, 100_000);
    Duration staleAfter = section.duration("stale_after", defaults.staleAfter());
    Duration skew = section.duration("max_future_skew", defaults.maxFutureSkew());
    Duration forgetAfter = section.duration("forget_after", defaults.forgetAfter());
    int maxNodes = section.integer("max_nodes", defaults.maxNodes(), 1, 10_000_000);
    Set<NodeId> inventory = nodes(section, section.stringList("inventory", List.of()));
    return section.build(() -> new StateSettings(window, staleAfter, skew, forgetAfter,
        maxNodes, inventory));
  }

  /** Inventory entries as {@code site/node}; a bad one is refused by its index. */
  private static Set<NodeId> nodes(ConfigTree section, List<String> entries) {
    Set<NodeId> nodes = new LinkedHashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      String key = section.sectionPath() + ".inventory[" + i + "]";
      int slash = entry.indexOf('/');
      if (slash <= 0 || slash == entry.length() - 1) {
        throw new ConfigException(section.source(), key, "\"" + entry + "\"",
            "must read site/node, e.g. site-a/n07");
      }
      try {
        nodes.add(NodeId.of(entry.substring(0, slash), entry.substring(slash + 1)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(section.source(), key, "\"" + entry + "\"", e.getMessage());
      }
    }
    return nodes;
  }
}
