package dev.kelvin.mqtt.access;

import dev.kelvin.mqtt.access.Grant.Activity;
import java.util.List;
import java.util.Objects;

/**
 * The access model as a Mosquitto {@code acl_file}: a {@code user} block per identity with a
 * {@code topic write} line per publish grant and a {@code topic read} line per subscribe grant.
 * Mosquitto checks {@code read} when it delivers a message, not when it accepts a subscription,
 * and it cannot tie client ids to usernames (docs/security.md says what that leaves open).
 */
public final class MosquittoAcl {
  private MosquittoAcl() {}

  /** The ACL of {@code identities}, in their order. */
  public static String render(List<Identity> identities, AccessModel model) {
    Objects.requireNonNull(model, "model");
    StringBuilder out = new StringBuilder();
    out.append("# Kelvin's access model (docs/security.md); anything not listed is denied.\n");
    for (Identity identity : identities) {
      out.append('\n').append("user ").append(identity.username()).append('\n');
      for (Grant grant : model.grants(identity.role())) {
        out.append("topic ").append(grant.activity() == Activity.PUBLISH ? "write" : "read")
            .append(' ').append(grant.topicFilter()).append('\n');
      }
    }
    return out.toString();
  }
}
