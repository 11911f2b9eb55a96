package dev.kelvin.policy.audit;

import java.io.Closeable;
import java.io.IOException;

/** Where audit lines go: the file, in production. */
interface LineSink extends Closeable {
  /**
   * Appends {@code line} and a line break, handed to the operating system before returning.
   * After a failure, the next call first undoes whatever part of the failed line was written.
   */
  void append(String line) throws IOException;
}
