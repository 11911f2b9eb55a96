package dev.kelvin.telemetry.store.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Records, settings and hand-made damage for the spool's tests. */
final class SpoolTestFiles {
  /** Bytes of the segment header and of each frame header, as the format defines them. */
  static final int SEGMENT_HEADER = 16;
  static final int FRAME_HEADER = 24;

  private SpoolTestFiles() {}

  static SpoolSettings small(Path folder) {
    return new SpoolSettings(folder, 1L << 20, 1024, false);
  }

  static byte[] record(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(SpooledRecord record) {
    return new String(record.bytes(), StandardCharsets.UTF_8);
  }

  /** Peeks and releases every record held, in order. */
  static List<String> drain(Spool spool) {
    List<String> out = new ArrayList<>();
    for (Optional<SpooledRecord> r = spool.peek(); r.isPresent(); r = spool.peek()) {
      out.add(text(r.get()));
      spool.release(r.get());
    }
    return out;
  }

  /** The segment files, oldest first. */
  static List<Path> segments(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".seg")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path lastSegment(Path folder) {
    List<Path> all = segments(folder);
    return all.get(all.size() - 1);
  }

  /** The offset of the frame after {@code frames} records of {@code recordBytes} each. */
  static long frameOffset(int frames, int recordBytes) {
    return SEGMENT_HEADER + (long) frames * (FRAME_HEADER + recordBytes);
  }

  static void appendBytes(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes, StandardOpenOption.APPEND);
  }

  /** Flips every bit of the byte at {@code offset}. */
  static void flipByte(Path file, long offset) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) ~one.get(0));
      channel.write(one.flip(), offset);
    }
  }

  static long size(Path file) throws IOException {
    return Files.size(file);
  }
}
