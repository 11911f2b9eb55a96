package dev.kelvin.mqtt.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test certificates and keys made with the {@code openssl} command in a folder: CAs, keys in
 * PKCS#8 (and converted to other formats) and certificates a CA signs. A missing {@code openssl}
 * fails the test with a message saying what to install; it never skips.
 */
final class Openssl {
  private final Path dir;

  Openssl(Path dir) {
    this.dir = dir;
  }

  /** A self-signed CA: {@code name.pem} and its key {@code name.key}. */
  Path ca(String name) {
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", file(name + ".key"),
        "-out", file(name + ".pem"), "-days", "2", "-subj", "/CN=" + name,
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    return dir.resolve(name + ".pem");
  }

  /** An unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}): {@code "RSA"} or {@code "EC"}. */
  Path key(String name, String algorithm) {
    List<String> args = new ArrayList<>(List.of("genpkey", "-out", file(name + ".key")));
    args.addAll(algorithm.equals("EC")
        ? List.of("-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256")
        : List.of("-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"));
    run(args.toArray(String[]::new));
    return dir.resolve(name + ".key");
  }

  /** {@code name.pem}: a certificate for the key {@code name.key}, signed by {@code ca}. */
  Path certificate(String name, String ca, String subject, String... extensions) {
    Path ext = dir.resolve(name + ".ext");
    write(ext, String.join("\n", extensions) + "\n");
    run("req", "-new", "-key", file(name + ".key"), "-subj", subject, "-out", file(name + ".csr"));
    run("x509", "-req", "-in", file(name + ".csr"), "-CA", file(ca + ".pem"), "-CAkey",
        file(ca + ".key"), "-CAcreateserial", "-days", "2", "-sha256", "-extfile", ext.toString(),
        "-out", file(name + ".pem"));
    return dir.resolve(name + ".pem");
  }

  /** A server certificate for 127.0.0.1 and localhost, with its key {@code name.key}. */
  Path serverCertificate(String name, String ca) {
    key(name, "RSA");
    return certificate(name, ca, "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "extendedKeyUsage=serverAuth");
  }

  /** A client certificate for CN={@code name}, with its key {@code name.key}. */
  Path clientCertificate(String name, String ca, String algorithm) {
    key(name, algorithm);
    return certificate(name, ca, "/CN=" + name, "extendedKeyUsage=clientAuth");
  }

  /** The RSA key {@code name.key} in PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). */
  Path pkcs1(String name) {
    run("rsa", "-in", file(name + ".key"), "-traditional", "-out", file(name + "-pkcs1.key"));
    return dir.resolve(name + "-pkcs1.key");
  }

  /** The key {@code name.key} encrypted ({@code BEGIN ENCRYPTED PRIVATE KEY}). */
  Path encrypted(String name) {
    run("pkcs8", "-topk8", "-in", file(name + ".key"), "-passout", "pass:s3cret",
        "-out", file(name + "-encrypted.key"));
    return dir.resolve(name + "-encrypted.key");
  }

  Path file(String name, String text) {
    return write(dir.resolve(name), text);
  }

  Path path(String name) {
    return dir.resolve(name);
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write test file " + file, e);
    }
  }

  private void run(String... args) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process = start(command);
    try {
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean done = process.waitFor(60, TimeUnit.SECONDS);
      if (!done || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " failed"
            + (done ? " with exit code " + process.exitValue() : " to finish in 60 s") + ":\n"
            + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the output of " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private Process start(List<String> command) {
    try {
      return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("the TLS tests make their certificates with the openssl"
          + " command, which cannot be run (" + e.getMessage() + "): install it (Debian package"
          + " openssl; scripts/services.sh install does) and put it on the PATH", e);
    }
  }
}
