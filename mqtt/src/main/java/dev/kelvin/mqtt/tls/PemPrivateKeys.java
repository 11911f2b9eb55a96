package dev.kelvin.mqtt.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Map;

/**
 * The private key of a PEM file, which must be unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY};
 * RSA, EC or EdDSA), and the check that it belongs to its certificate.
 */
final class PemPrivateKeys {
  static final String ROLE = "MQTT TLS client key";
  private static final List<String> ALGORITHMS = List.of("RSA", "EC", "EdDSA");
  private static final Map<String, String> OTHER_FORMATS = Map.of(
      "RSA PRIVATE KEY", "a PKCS#1 RSA key (BEGIN RSA PRIVATE KEY)",
      "EC PRIVATE KEY", "an OpenSSL EC key (BEGIN EC PRIVATE KEY)",
      "DSA PRIVATE KEY", "an OpenSSL DSA key (BEGIN DSA PRIVATE KEY)",
      "ENCRYPTED PRIVATE KEY", "an encrypted PKCS#8 key (BEGIN ENCRYPTED PRIVATE KEY)");

  private PemPrivateKeys() {}

  static PrivateKey read(Path file) {
    PemFile pem = PemFile.read(file, ROLE);
    List<PemFile.Block> keys = pem.blocks("PRIVATE KEY");
    if (keys.size() == 1) {
      return decode(file, keys.get(0));
    }
    if (keys.size() > 1) {
      throw new TlsSetupException(file, ROLE + " " + file + " holds " + keys.size()
          + " private keys; it must hold exactly one, the client certificate's");
    }
    for (PemFile.Block block : pem.blocks()) {
      String format = OTHER_FORMATS.get(block.type());
      if (format != null) {
        throw new TlsSetupException(file, ROLE + " " + file + " is " + format + "; Kelvin"
            + " reads unencrypted PKCS#8 keys (BEGIN PRIVATE KEY). Convert it with: openssl"
            + " pkcs8 -topk8 -nocrypt -in " + file + " -out " + converted(file)
            + " (openssl asks for the passphrase of an encrypted key)");
      }
    }
    throw new TlsSetupException(file, ROLE + " " + file + " holds no private key, only "
        + pem.types() + " (certificate and key files swapped?)");
  }

  /** Fails unless {@code key} signs what the public key of {@code certificate} verifies. */
  static void requireMatch(PrivateKey key, Path keyFile, X509Certificate certificate,
      Path certFile) {
    String keyAlgorithm = key.getAlgorithm();
    String certAlgorithm = certificate.getPublicKey().getAlgorithm();
    if (!signs(key, certificate)) {
      throw new TlsSetupException(keyFile, ROLE + " " + keyFile + " (" + keyAlgorithm
          + ") does not belong to the client certificate " + certFile + " ("
          + certificate.getSubjectX500Principal().getName() + ", " + certAlgorithm
          + " key): the certificate's public key does not verify what this key signs (the"
          + " key of another certificate, or a renewed certificate with the old key?)");
    }
  }

  private static PrivateKey decode(Path file, PemFile.Block block) {
    for (String algorithm : ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm)
            .generatePrivate(new PKCS8EncodedKeySpec(block.der()));
      } catch (GeneralSecurityException | ClassCastException e) {
        // not this algorithm; try the next
      }
    }
    throw new TlsSetupException(file, ROLE + " " + file + ": the PKCS#8 key that starts on"
        + " line " + block.line() + " is not an RSA, EC or EdDSA key this JVM can read (a"
        + " damaged file, or another algorithm?)");
  }

  private static boolean signs(PrivateKey key, X509Certificate certificate) {
    if (!key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
      return false;
    }
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      String algorithm = signatureAlgorithm(key.getAlgorithm());
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String signatureAlgorithm(String keyAlgorithm) {
    return switch (keyAlgorithm) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> keyAlgorithm; // EdDSA, Ed25519, Ed448: the key names its own signature
    };
  }

  private static String converted(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    Path out = Path.of(base + "-pkcs8.pem");
    return file.getParent() == null ? out.toString() : file.getParent().resolve(out).toString();
  }
}
