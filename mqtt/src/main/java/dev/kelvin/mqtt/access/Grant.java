package dev.kelvin.mqtt.access;

import java.util.Objects;

/**
 * One permission: {@code activity} on the topics {@code topicFilter} matches (for a
 * subscription: on filters it covers).
 */
public record Grant(String topicFilter, Activity activity) {
  /** What a client does with a topic. */
  public enum Activity { PUBLISH, SUBSCRIBE }

  public Grant {
    Objects.requireNonNull(topicFilter, "topicFilter");
    Objects.requireNonNull(activity, "activity");
  }

  static Grant publish(String topicFilter) {
    return new Grant(topicFilter, Activity.PUBLISH);
  }

  static Grant subscribe(String topicFilter) {
    return new Grant(topicFilter, Activity.SUBSCRIBE);
  }
}
