package dev.kelvin.mqtt.tls;

import dev.kelvin.core.wire.MqttTls;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS client side of an MQTT connection from {@link MqttTls}: it trusts exactly the
 * certificates of the CA file (not the JVM's default CAs) and, when a client certificate is
 * given, shows it with its key. The files are read and checked once, here; any problem is a
 * {@link TlsSetupException} naming the file.
 *
 * <p>With Paho MQTT v5: connect to an {@code ssl://host:port} URI, then
 * <pre>{@code
 * MqttConnectionOptions options = new MqttConnectionOptions();
 * options.setSocketFactory(TlsContexts.socketFactory(tls));
 * // leave options.setHttpsHostnameVerificationEnabled at its default, true:
 * // the host of the URI must be named by the broker certificate's subjectAltName
 * }</pre>
 * Paho turns on the JDK's {@code HTTPS} endpoint identification for the handshake while that
 * option is true; never turn it off, or any certificate the CA signed would do for any host.
 */
public final class TlsContexts {
  /** Protects the in-memory key store only; it is never written anywhere. */
  private static final char[] IN_MEMORY = "kelvin-in-memory".toCharArray();
  private static final String CA_ROLE = "MQTT TLS CA file";
  private static final String CERT_ROLE = "MQTT TLS client certificate";

  private TlsContexts() {}

  /** A socket factory for Paho's {@code MqttConnectionOptions#setSocketFactory}. */
  public static SSLSocketFactory socketFactory(MqttTls tls) {
    return sslContext(tls).getSocketFactory();
  }

  /** A TLS context trusting the CA file and, if given, showing the client certificate. */
  public static SSLContext sslContext(MqttTls tls) {
    TrustManager[] trust = trustManagers(tls.caFile());
    KeyManager[] keys = tls.clientCertFile().isPresent()
        ? keyManagers(tls.clientCertFile().get(), tls.clientKeyFile().orElseThrow())
        : null;
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot make a TLS context: " + e, e);
    }
  }

  private static TrustManager[] trustManagers(Path caFile) {
    List<X509Certificate> authorities = PemCertificates.read(caFile, CA_ROLE);
    try {
      KeyStore store = emptyStore();
      for (int i = 0; i < authorities.size(); i++) {
        store.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException(caFile, CA_ROLE + " " + caFile
          + ": its certificates cannot be trusted: " + e.getMessage(), e);
    }
  }

  private static KeyManager[] keyManagers(Path certFile, Path keyFile) {
    List<X509Certificate> chain = PemCertificates.read(certFile, CERT_ROLE);
    PrivateKey key = PemPrivateKeys.read(keyFile);
    PemPrivateKeys.requireMatch(key, keyFile, chain.get(0), certFile);
    try {
      KeyStore store = emptyStore();
      store.setKeyEntry("client", key, IN_MEMORY, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, IN_MEMORY);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException(keyFile, PemPrivateKeys.ROLE + " " + keyFile + " with "
          + certFile + " cannot be used: " + e.getMessage(), e);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException("an empty in-memory key store cannot be made", e);
    }
    return store;
  }
}
