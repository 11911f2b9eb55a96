package dev.kelvin.telemetry.broker;

import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import dev.kelvin.mqtt.access.ClientIds;
import dev.kelvin.mqtt.access.Role;
import dev.kelvin.telemetry.broker.BrokerAccess.Account;
import dev.kelvin.telemetry.broker.BrokerRefusals.Reason;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The embedded broker's gate: a client must log in with a known username and password and use
 * a client id of its own ({@code <username>:<session>}); each publish and subscription must fall
 * within its role's grants, and a retained publish must go to a status topic of its own.
 * Refusals are counted by reason. As an authorizer it looks the role up from the client id,
 * which the login check has tied to the username.
 */
final class AccessEnforcer
    implements SimpleAuthenticator, PublishAuthorizer, SubscriptionAuthorizer {
  private final BrokerAccess access;
  private final BrokerRefusals refusals;

  AccessEnforcer(BrokerAccess access, BrokerRefusals refusals) {
    this.access = access;
    this.refusals = refusals;
  }

  @Override
  public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
    ConnectPacket connect = input.getConnectPacket();
    String clientId = connect.getClientId();
    Optional<Account> account = connect.getUserName().flatMap(
        user -> access.login(user, bytes(connect.getPassword())));
    if (account.isEmpty()) {
      refusals.refuse(Reason.BAD_LOGIN, clientId, "user "
          + connect.getUserName().map(u -> "'" + u + "'").orElse("(none)")
          + ": unknown user or wrong password");
      output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
          "unknown user or wrong password");
      return;
    }
    String username = account.get().username();
    if (!ClientIds.belongsTo(clientId, username)) {
      refusals.refuse(Reason.FOREIGN_CLIENT_ID, clientId, "user '" + username
          + "' may only use client ids that start with '" + username + ClientIds.SEPARATOR + "'");
      output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
          "client id must start with '" + username + ClientIds.SEPARATOR + "'");
      return;
    }
    output.authenticateSuccessfully();
  }

  @Override
  public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
    String clientId = input.getClientInformation().getClientId();
    String topic = input.getPublishPacket().getTopic();
    boolean retain = input.getPublishPacket().getRetain();
    Optional<Role> role = roleOf(clientId);
    if (role.isPresent() && (retain ? access.model().mayRetain(role.get(), topic)
        : access.model().mayPublish(role.get(), topic))) {
      output.authorizeSuccessfully();
      return;
    }
    refusals.refuse(Reason.PUBLISH_DENIED, clientId, "may not publish "
        + (retain ? "a retained message " : "") + "to " + topic);
    output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "not authorized for this topic");
  }

  @Override
  public void authorizeSubscribe(SubscriptionAuthorizerInput input,
      SubscriptionAuthorizerOutput output) {
    String clientId = input.getClientInformation().getClientId();
    String filter = input.getSubscription().getTopicFilter();
    Optional<Role> role = roleOf(clientId);
    if (role.isPresent() && access.model().maySubscribe(role.get(), filter)) {
      output.authorizeSuccessfully();
      return;
    }
    refusals.refuse(Reason.SUBSCRIBE_DENIED, clientId, "may not subscribe to " + filter);
    output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "not authorized for this filter");
  }

  private Optional<Role> roleOf(String clientId) {
    int separator = clientId.indexOf(ClientIds.SEPARATOR);
    if (separator <= 0) {
      return Optional.empty();
    }
    return access.account(clientId.substring(0, separator)).map(Account::role);
  }

  private static byte[] bytes(Optional<ByteBuffer> password) {
    if (password.isEmpty()) {
      return new byte[0];
    }
    ByteBuffer buffer = password.get().asReadOnlyBuffer();
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
