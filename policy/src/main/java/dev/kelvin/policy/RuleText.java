package dev.kelvin.policy;

import java.util.Objects;

/**
 * The text of one DRL file to compile.
 *
 * @param path where the compiler files it, a relative name ending in {@code .drl} ({@code
 *     dev/kelvin/policy/rules/thermal-cpu.drl}); unique among the files compiled together
 * @param shownAs how error messages name it: the classpath name, or the file on disk
 * @param bytes the file's content, UTF-8
 */
record RuleText(String path, String shownAs, byte[] bytes) {
  RuleText {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(shownAs, "shownAs");
    Objects.requireNonNull(bytes, "bytes");
  }
}
