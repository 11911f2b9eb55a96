package dev.kelvin.telemetry.store;

import dev.kelvin.telemetry.store.spool.Spool;
import dev.kelvin.telemetry.store.spool.SpoolFullException;
import dev.kelvin.telemetry.store.spool.SpoolStats;
import dev.kelvin.telemetry.store.spool.SpooledRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A stand-in for the disk spool in integration tests until it lands: one file per record in a
 * folder, named by its position, written to a temporary name and moved into place, so that
 * records survive the process and come back in order. No checksums, no segments.
 */
final class FolderSpool implements Spool {
  private static final String SUFFIX = ".rec";

  private final Path folder;
  private final long limitBytes;
  private final TreeMap<Long, Long> sizes = new TreeMap<>();
  private long bytes;
  private long refused;

  FolderSpool(Path folder, long limitBytes) {
    this.folder = folder;
    this.limitBytes = limitBytes;
    try {
      Files.createDirectories(folder);
      try (Stream<Path> files = Files.list(folder)) {
        files.filter(file -> file.toString().endsWith(SUFFIX)).forEach(this::index);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void append(byte[] record) {
    if (bytes + record.length > limitBytes) {
      refused++;
      throw new SpoolFullException(bytes + " of " + limitBytes + " bytes held");
    }
    long position = sizes.isEmpty() ? 0 : sizes.lastKey() + 1;
    try {
      Path temporary = folder.resolve(position + ".tmp");
      Files.write(temporary, record);
      Files.move(temporary, file(position), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sizes.put(position, (long) record.length);
    bytes += record.length;
  }

  @Override
  public synchronized Optional<SpooledRecord> peek() {
    if (sizes.isEmpty()) {
      return Optional.empty();
    }
    long position = sizes.firstKey();
    try {
      return Optional.of(new SpooledRecord(position, Files.readAllBytes(file(position))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void release(SpooledRecord record) {
    Long size = sizes.remove(record.position());
    if (size == null) {
      return;
    }
    bytes -= size;
    try {
      Files.deleteIfExists(file(record.position()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized SpoolStats stats() {
    return new SpoolStats(sizes.size(), bytes, limitBytes, 0, 0, refused);
  }

  @Override
  public void close() {}

  private void index(Path file) {
    String name = file.getFileName().toString();
    long position = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    try {
      long size = Files.size(file);
      sizes.put(position, size);
      bytes += size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path file(long position) {
    return folder.resolve(String.format("%020d", position) + SUFFIX);
  }

  /** Records held, for assertions. */
  synchronized Map<Long, Long> held() {
    return Map.copyOf(sizes);
  }
}
