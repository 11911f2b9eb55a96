package dev.kelvin.telemetry.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;

/** Installs the {@link AccessEnforcer} in the embedded HiveMQ as an in-process extension. */
final class AccessExtension implements ExtensionMain {
  private final AccessEnforcer enforcer;

  private AccessExtension(AccessEnforcer enforcer) {
    this.enforcer = enforcer;
  }

  static EmbeddedExtension of(BrokerAccess access, BrokerRefusals refusals) {
    return EmbeddedExtension.builder()
        .withId("kelvin-access")
        .withName("Kelvin access model")
        .withVersion("1")
        .withAuthor("Kelvin")
        .withPriority(1000)
        .withStartPriority(1000)
        .withExtensionMain(new AccessExtension(new AccessEnforcer(access, refusals)))
        .build();
  }

  @Override
  public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
    Services.securityRegistry().setAuthenticatorProvider(provider -> enforcer);
    Services.securityRegistry().setAuthorizerProvider(provider -> enforcer);
  }

  @Override
  public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    // HiveMQ drops the providers of a stopped extension.
  }
}
