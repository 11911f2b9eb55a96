package dev.kelvin.policy.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The hash chain of an audit file: how a line is sealed, and how a sealed line is taken apart
 * again. A sealed line ends in {@code ,"prev":"P","hash":"H"}}, where {@code P} is the hash of
 * the line before it ({@link #GENESIS} for the first line of a chain) and {@code H} is the
 * SHA-256, in 64 lowercase hex digits, of the line's UTF-8 bytes as written without its
 * {@code ,"hash":"H"} member: that is, of everything up to and including {@code "prev":"P"},
 * followed by the closing brace. The hash covers the bytes exactly as written (no JSON
 * re-encoding), so a short script can check it; see docs/security.md. Not thread-safe: one per
 * writer or reader.
 */
final class AuditChain {
  /** The {@code prev} of the first line of a chain: 64 zeros. */
  static final String GENESIS = "0".repeat(64);
  private static final int HEX_LENGTH = 64;
  private static final byte[] HASH_MEMBER = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PREV_MEMBER = ",\"prev\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEQ_START = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
  /** {@code ,"hash":"H"}} after the body (whose closing brace it replaces). */
  private static final int HASH_SUFFIX = HASH_MEMBER.length + HEX_LENGTH + 2;
  /** {@code ,"prev":"P"} at the end of the body, before its closing brace. */
  private static final int PREV_SUFFIX = PREV_MEMBER.length + HEX_LENGTH + 1;

  private final MessageDigest sha256;

  AuditChain() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM offers no SHA-256, which every Java has", e);
    }
  }

  /** The hash a line made by {@link #seal} ends in. */
  static String hashOf(String sealedLine) {
    return sealedLine.substring(sealedLine.length() - HEX_LENGTH - 2, sealedLine.length() - 2);
  }

  /** One line taken apart: its seq, the hash it is chained to, its own, and its body's hash. */
  record Sealed(long seq, String prev, String hash, String computed) {
    boolean intact() {
      return hash.equals(computed);
    }
  }

  /**
   * Seals {@code body}, a JSON object whose last member is {@code "prev"}: the line to write.
   */
  String seal(String body) {
    sha256.reset();
    String hash = HexFormat.of().formatHex(sha256.digest(body.getBytes(StandardCharsets.UTF_8)));
    return body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}";
  }

  /**
   * Takes apart the line in {@code bytes[0, length)}, hashing its body; empty when it is not
   * laid out as a sealed line (an older unsealed record, a torn or foreign line).
   */
  Optional<Sealed> open(byte[] bytes, int length) {
    if (!layoutFits(bytes, length)) {
      return Optional.empty();
    }
    int bodyEnd = length - HASH_SUFFIX;
    long seq = seq(bytes, bodyEnd);
    if (seq < 1) {
      return Optional.empty();
    }
    String prev = ascii(bytes, bodyEnd - PREV_SUFFIX + PREV_MEMBER.length, HEX_LENGTH);
    String hash = ascii(bytes, bodyEnd + HASH_MEMBER.length, HEX_LENGTH);
    return Optional.of(new Sealed(seq, prev, hash, bodyHash(bytes, bodyEnd)));
  }

  /** SHA-256 of {@code bytes[0, bodyEnd)} followed by a closing brace. */
  private String bodyHash(byte[] bytes, int bodyEnd) {
    sha256.reset();
    sha256.update(bytes, 0, bodyEnd);
    sha256.update((byte) '}');
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static boolean layoutFits(byte[] bytes, int length) {
    int bodyEnd = length - HASH_SUFFIX;
    int prevStart = bodyEnd - PREV_SUFFIX;
    return prevStart > SEQ_START.length
        && bytes[length - 1] == '}' && bytes[length - 2] == '"'
        && matches(bytes, bodyEnd, HASH_MEMBER) && isHex(bytes, bodyEnd + HASH_MEMBER.length)
        && matches(bytes, prevStart, PREV_MEMBER) && bytes[bodyEnd - 1] == '"'
        && isHex(bytes, prevStart + PREV_MEMBER.length) && matches(bytes, 0, SEQ_START);
  }

  /** The whole number after {@code {"seq":}, or -1 when there is none. */
  private static long seq(byte[] bytes, int end) {
    long seq = 0;
    int i = SEQ_START.length;
    for (; i < end && i < SEQ_START.length + 19 && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
      seq = seq * 10 + (bytes[i] - '0');
    }
    return i > SEQ_START.length && i < end && bytes[i] == ',' ? seq : -1;
  }

  private static boolean matches(byte[] bytes, int at, byte[] expected) {
    return Arrays.equals(bytes, at, at + expected.length, expected, 0, expected.length);
  }

  private static boolean isHex(byte[] bytes, int at) {
    for (int i = at; i < at + HEX_LENGTH; i++) {
      byte b = bytes[i];
      if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(byte[] bytes, int at, int length) {
    return new String(bytes, at, length, StandardCharsets.US_ASCII);
  }
}
