package dev.kelvin.mqtt.tls;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** The X.509 certificates of a PEM file, in file order (a chain: the leaf first). */
final class PemCertificates {
  private PemCertificates() {}

  /** At least one certificate; other blocks (such as a key in a combined file) are skipped. */
  static List<X509Certificate> read(Path file, String role) {
    PemFile pem = PemFile.read(file, role);
    List<PemFile.Block> blocks = pem.blocks("CERTIFICATE");
    if (blocks.isEmpty()) {
      throw new TlsSetupException(file, role + " " + file + " holds no certificate, only "
          + pem.types() + " (certificate and key files swapped?)");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (PemFile.Block block : blocks) {
      certificates.add(parse(pem, block));
    }
    return List.copyOf(certificates);
  }

  private static X509Certificate parse(PemFile pem, PemFile.Block block) {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(block.der()));
    } catch (CertificateException e) {
      throw new TlsSetupException(pem.file(), pem.role() + " " + pem.file()
          + ": the certificate that starts on line " + block.line() + " cannot be read ("
          + e.getMessage() + "; a damaged or truncated file?)", e);
    }
  }
}
