package dev.kelvin.predictor.serve;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What the registry knows of one model file's path: how it looked when last listed and when
 * last read, the last model it gave that could serve, and whether what it holds now is
 * refused or the file is gone. Only the registry's poll touches it (under the registry's lock).
 */
final class FileSlot {
  final Path path;
  final ModelFolder folder;
  /** The folder's place in the registry's order: lower serves first. */
  final int rank;
  private ModelFolder.Stamp seen;
  private ModelFolder.Stamp read;
  private Optional<Good> good = Optional.empty();
  private Optional<RefusedFile> refused = Optional.empty();
  private boolean removed;

  /** A model this path gave, and when. */
  record Good(ServedModel model, Instant loadedAt) {}

  FileSlot(Path path, ModelFolder folder, int rank) {
    this.path = path;
    this.folder = folder;
    this.rank = rank;
  }

  /**
   * Whether the file should be read now, listed with {@code stamp}: when it changed since it
   * was read, and either {@code now} is the first look or it held still since the last poll
   * (so a file still being copied is not read half-written).
   */
  boolean due(ModelFolder.Stamp stamp, boolean firstLook) {
    removed = false;
    if (stamp.equals(read)) {
      return false;
    }
    boolean still = stamp.equals(seen);
    seen = stamp;
    return firstLook || still;
  }

  void loaded(ModelFolder.Stamp stamp, ServedModel model, Instant at) {
    read = stamp;
    good = Optional.of(new Good(model, at));
    refused = Optional.empty();
  }

  void refused(ModelFolder.Stamp stamp, RefusedFile refusal) {
    read = stamp;
    refused = Optional.of(refusal);
  }

  /** The file is gone: nothing of it is refused any more; its last good model is kept. */
  void removed() {
    removed = true;
    refused = Optional.empty();
    seen = null;
    read = null;
  }

  boolean isRemoved() {
    return removed;
  }

  Optional<Good> good() {
    return good;
  }

  Optional<RefusedFile> refusal() {
    return refused;
  }
}
