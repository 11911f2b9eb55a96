package dev.kelvin.telemetry.store.spool;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run by {@link SpoolCrashIT} in a JVM of its own: opens the spool in {@code args[0]} and appends
 * numbered records of {@link #RECORD_BYTES} as fast as it can, printing {@code appended ROUND N}
 * once each append has returned, until it is killed.
 *
 * <p>Arguments: folder, round, fsync ({@code true}/{@code false}).
 */
public final class SpoolCrashChild {
  /** About a 5,000-point line-protocol batch, and large enough that a kill can land mid-write. */
  static final int RECORD_BYTES = 512 * 1024;
  static final String PRINTED = "appended ";

  private SpoolCrashChild() {}

  public static void main(String[] args) {
    Path folder = Path.of(args[0]);
    int round = Integer.parseInt(args[1]);
    boolean fsync = Boolean.parseBoolean(args[2]);
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
        StandardCharsets.US_ASCII);
    byte[] record = filler();
    try (DiskSpool spool = DiskSpool.open(settings(folder, fsync))) {
      for (int n = 0; ; n++) {
        ByteBuffer.wrap(record).putInt(round).putInt(n);
        spool.append(record);
        out.print(PRINTED + round + " " + n + "\n");
        out.flush();
      }
    }
  }

  static SpoolSettings settings(Path folder, boolean fsync) {
    return new SpoolSettings(folder, SpoolSettings.DEFAULT_LIMIT_BYTES, 4L << 20, fsync);
  }

  /** A record's bytes after its round and number: a pattern the parent can check. */
  static byte[] filler() {
    byte[] record = new byte[RECORD_BYTES];
    for (int i = 8; i < record.length; i++) {
      record[i] = (byte) (i * 31 + 7);
    }
    return record;
  }
}
