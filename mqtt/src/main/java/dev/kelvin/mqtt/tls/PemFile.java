package dev.kelvin.mqtt.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The blocks of a PEM file ({@code -----BEGIN TYPE-----}, base64, {@code -----END TYPE-----}),
 * in file order. Text around the blocks (such as openssl's {@code subject=} lines) and RFC 1421
 * headers inside them ({@code Proc-Type: …}) are skipped.
 */
final class PemFile {
  /** Far above any certificate chain or key; a bigger file is the wrong file. */
  private static final long MAX_BYTES = 1 << 20;

  /** One block: its type ({@code CERTIFICATE}, {@code PRIVATE KEY}, …), its bytes, its line. */
  record Block(String type, byte[] der, int line) {}

  private final Path file;
  private final String role;
  private final List<Block> blocks;

  private PemFile(Path file, String role, List<Block> blocks) {
    this.file = file;
    this.role = role;
    this.blocks = blocks;
  }

  /** Reads {@code file}; {@code role} (such as "MQTT TLS CA file") starts every error. */
  static PemFile read(Path file, String role) {
    String text = new String(readBytes(file, role), StandardCharsets.ISO_8859_1);
    List<Block> blocks = parse(file, role, text.split("\r?\n|\r", -1));
    if (blocks.isEmpty()) {
      throw new TlsSetupException(file, role + " " + file + " is not a PEM file: it has no"
          + " '-----BEGIN …-----' line (a binary DER file, or the wrong file? PEM is text such"
          + " as -----BEGIN CERTIFICATE----- followed by base64)");
    }
    return new PemFile(file, role, List.copyOf(blocks));
  }

  Path file() {
    return file;
  }

  String role() {
    return role;
  }

  List<Block> blocks() {
    return blocks;
  }

  List<Block> blocks(String type) {
    return blocks.stream().filter(block -> block.type().equals(type)).toList();
  }

  /** The block types found, for errors: {@code CERTIFICATE, PRIVATE KEY}. */
  String types() {
    return blocks.stream().map(Block::type).distinct().collect(Collectors.joining(", "));
  }

  private static byte[] readBytes(Path file, String role) {
    try {
      if (Files.isDirectory(file)) {
        throw new TlsSetupException(file, role + " " + file + " is a folder, not a PEM file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new TlsSetupException(file, role + " " + file + " is larger than 1 MiB, far"
            + " too big for PEM certificates or a key (the wrong file?)");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new TlsSetupException(file, role + " " + file + " does not exist (a typo in the"
          + " path, or the file not copied to this machine?)", e);
    } catch (AccessDeniedException e) {
      throw new TlsSetupException(file, role + " " + file + " cannot be read: permission"
          + " denied (run Kelvin as a user that may read it)", e);
    } catch (IOException e) {
      throw new TlsSetupException(file, role + " " + file + " cannot be read: " + e, e);
    }
  }

  private static List<Block> parse(Path file, String role, String[] lines) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("-----BEGIN ") && line.endsWith("-----") && line.length() > 16) {
        String type = line.substring(11, line.length() - 5);
        int end = endOf(file, role, lines, i, type);
        blocks.add(new Block(type, decode(file, role, lines, i, end, type), i + 1));
        i = end;
      }
    }
    return blocks;
  }

  private static int endOf(Path file, String role, String[] lines, int begin, String type) {
    for (int i = begin + 1; i < lines.length; i++) {
      if (lines[i].strip().equals("-----END " + type + "-----")) {
        return i;
      }
    }
    throw new TlsSetupException(file, role + " " + file + ": the PEM block '" + type
        + "' that starts on line " + (begin + 1) + " has no '-----END " + type + "-----' line"
        + " (the file was cut short, or lines were lost when it was copied?)");
  }

  private static byte[] decode(Path file, String role, String[] lines, int begin, int end,
      String type) {
    StringBuilder base64 = new StringBuilder();
    for (int i = begin + 1; i < end; i++) {
      String line = lines[i].strip();
      if (!line.contains(":")) {
        base64.append(line);
      }
    }
    try {
      return Base64.getDecoder().decode(base64.toString());
    } catch (IllegalArgumentException e) {
      throw new TlsSetupException(file, role + " " + file + ": the PEM block '" + type
          + "' that starts on line " + (begin + 1) + " is not valid base64 (" + e.getMessage()
          + "; was the file edited by hand?)", e);
    }
  }
}
