package dev.kelvin.policy.audit;

import java.io.IOException;

/** Passes lines to the real file, or fails like a full disk while {@link #broken} is set. */
final class FlakySink implements LineSink {
  private final LineSink file;
  volatile boolean broken;

  FlakySink(LineSink file) {
    this.file = file;
  }

  @Override
  public void append(String line) throws IOException {
    if (broken) {
      throw new IOException("No space left on device");
    }
    file.append(line);
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
