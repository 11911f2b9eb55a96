package dev.kelvin.predictor.serve;

import dev.kelvin.core.time.Scheduler;
import dev.kelvin.predictor.model.ModelKind;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models Kelvin serves, one per kind, read from folders of model files and kept current
 * while it runs. Each {@code *.model} file is read with the {@link ModelLoader} of its kind;
 * of the files that can serve, the model of a kind comes from the first folder in order (the
 * operator's {@code predictor.models_dir} before the shipped models), then a file still on disk
 * before a removed one, then the latest {@code trained_until}, then the last file name.
 *
 * <p><b>Hot reload.</b> Watched folders are looked at every reload period on the {@link
 * Scheduler} port (virtual time in tests). A new or changed file is read once it held still for
 * one period (so a copy in progress is not read half-written); everything is read at once at
 * start. A file that is corrupt, from another Tribuo version, of another feature set, of a
 * kind without a loader, or that its loader fails on, is refused: logged once with its path
 * and the reason, counted by reason, listed in {@link #status()} until it changes, while the
 * model in force keeps serving, even when the refused file replaced the one that model came
 * from. A removed file's model serves on, with a warning, while no other file of its kind can
 * serve: a deploy that removes a file before copying its successor, or a network folder that
 * is briefly gone, must not leave the controller without predictions; a restart forgets it.
 * A folder that cannot be listed keeps what it gave, and {@link #status()} says so.
 */
public final class ModelRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

  private final ModelReader reader;
  private final List<ModelFolder> folders;
  private final Scheduler scheduler;
  private final SortedMap<Path, FileSlot> slots = new TreeMap<>();
  private final Map<RefusalReason, LongAdder> refusals = new EnumMap<>(RefusalReason.class);
  private final LongAdder loads = new LongAdder();
  private volatile RegistryStatus status;
  private volatile Optional<Scheduler.Task> task = Optional.empty();

  private ModelRegistry(ModelReader reader, List<ModelFolder> folders, Scheduler scheduler) {
    this.reader = reader;
    this.folders = List.copyOf(folders);
    this.scheduler = scheduler;
    for (RefusalReason reason : RefusalReason.values()) {
      refusals.put(reason, new LongAdder());
    }
    this.status = new RegistryStatus(List.of(), List.of(), List.of(), names(folders),
        scheduler.now());
  }

  /**
   * Reads every model file of {@code folders} now, then looks at the watched ones again every
   * {@code reloadEvery} on {@code scheduler}. Close it to stop looking.
   *
   * @param folders in order: a kind's model comes from the first that has a usable one
   * @throws IllegalArgumentException for two loaders of one kind or a period that is not
   *     positive
   */
  public static ModelRegistry start(Collection<? extends ModelLoader> loaders,
      List<ModelFolder> folders, Scheduler scheduler, Duration reloadEvery) {
    Objects.requireNonNull(scheduler, "scheduler");
    Scheduler.requirePositive("models-reload", reloadEvery);
    ModelRegistry registry = new ModelRegistry(new ModelReader(loaders), folders, scheduler);
    registry.poll(true);
    registry.logInForce();
    if (folders.stream().anyMatch(ModelFolder::watched)) {
      registry.task = Optional.of(scheduler.every("models-reload", reloadEvery, reloadEvery,
          () -> registry.poll(false)));
    }
    return registry;
  }

  /** The model serving each kind now, in kind order: what {@link ModelPredictor} calls. */
  public List<ActiveModel> active() {
    return status.active();
  }

  /** What serves, what is refused and why, as of the latest look. */
  public RegistryStatus status() {
    return status;
  }

  /** Files refused for {@code reason} since start (a file counts again only when changed). */
  public long refusals(RefusalReason reason) {
    return refusals.get(reason).sum();
  }

  /** Files read into a model that could serve, since start. */
  public long loads() {
    return loads.sum();
  }

  @Override
  public void close() {
    task.ifPresent(Scheduler.Task::cancel);
  }

  /** One look at the folders; reads what changed and puts the best of each kind in force. */
  synchronized void poll(boolean firstLook) {
    Instant now = scheduler.now();
    Set<Path> listed = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (int rank = 0; rank < folders.size(); rank++) {
      ModelFolder folder = folders.get(rank);
      if (!firstLook && !folder.watched()) {
        keepListed(folder, listed);
        continue;
      }
      try {
        for (Map.Entry<Path, ModelFolder.Stamp> file : folder.list().entrySet()) {
          listed.add(file.getKey());
          look(folder, rank, file.getKey(), file.getValue(), firstLook, now);
        }
      } catch (UncheckedIOException e) {
        problems.add(e.getMessage());
        keepListed(folder, listed);
      }
    }
    forgetUnlisted(listed);
    publish(now, problems);
  }

  private void keepListed(ModelFolder folder, Set<Path> listed) {
    slots.values().stream().filter(slot -> slot.folder.equals(folder))
        .forEach(slot -> listed.add(slot.path));
  }

  private void look(ModelFolder folder, int rank, Path path, ModelFolder.Stamp stamp,
      boolean firstLook, Instant now) {
    FileSlot slot = slots.computeIfAbsent(path, p -> new FileSlot(p, folder, rank));
    if (!slot.due(stamp, firstLook)) {
      return;
    }
    ModelReader.Outcome outcome = reader.read(path, stamp.sizeBytes());
    if (outcome instanceof ModelReader.Loaded loaded) {
      slot.loaded(stamp, loaded.model(), now);
      loads.increment();
      LOG.info("model file {} read: {} ({} model, trained until {})", path,
          loaded.model().file().version(), loaded.model().file().meta().kind().wireName(),
          loaded.model().file().meta().trainedUntil());
    } else if (outcome instanceof ModelReader.Refused refused) {
      slot.refused(stamp, new RefusedFile(path, folder.source(), refused.reason(),
          refused.detail(), now));
      refusals.get(refused.reason()).increment();
      LOG.warn("{} (refused: {}); the models in force serve on: {}", refused.detail(),
          refused.reason().label(), versions(status.active()));
    } else {
      throw new AssertionError(outcome);
    }
  }

  private void forgetUnlisted(Set<Path> listed) {
    List<Path> gone = slots.keySet().stream().filter(path -> !listed.contains(path)).toList();
    for (Path path : gone) {
      FileSlot slot = slots.get(path);
      if (slot.good().isEmpty()) {
        slots.remove(path);
      } else if (!slot.isRemoved()) {
        slot.removed();
        LOG.warn("model file {} was removed: its model {} serves on only while no other {} model"
            + " file can serve; a restart would not load it", path,
            slot.good().get().model().file().version(),
            slot.good().get().model().file().meta().kind().wireName());
      }
    }
  }

  private void publish(Instant now, List<String> problems) {
    Map<ModelKind, FileSlot> best = new EnumMap<>(ModelKind.class);
    for (FileSlot slot : slots.values()) {
      slot.good().ifPresent(good -> best.merge(good.model().file().meta().kind(), slot,
          (a, b) -> SERVES_FIRST.compare(a, b) <= 0 ? a : b));
    }
    List<ActiveModel> active = new ArrayList<>();
    best.forEach((kind, slot) -> active.add(new ActiveModel(kind, slot.good().get().model(),
        slot.folder.source(), slot.good().get().loadedAt(), slot.isRemoved())));
    List<RefusedFile> refused = slots.values().stream().flatMap(s -> s.refusal().stream())
        .toList();
    problems.stream().filter(p -> !status.problems().contains(p))
        .forEach(p -> LOG.warn("{}; the models read before serve on", p));
    logChanges(status.active(), active);
    status = new RegistryStatus(active, refused, problems, names(folders), now);
  }

  /** Lower serves first: earlier folder, file still there, later trained_until, later name. */
  private static final Comparator<FileSlot> SERVES_FIRST = Comparator
      .comparingInt((FileSlot slot) -> slot.rank)
      .thenComparing(FileSlot::isRemoved)
      .thenComparing((FileSlot slot) -> slot.good().get().model().file().meta().trainedUntil(),
          Comparator.reverseOrder())
      .thenComparing((FileSlot slot) -> slot.path.getFileName().toString(),
          Comparator.reverseOrder());

  private static void logChanges(List<ActiveModel> before, List<ActiveModel> after) {
    for (ActiveModel now : after) {
      Optional<ActiveModel> was = before.stream().filter(m -> m.kind() == now.kind()).findFirst();
      if (was.isEmpty() || was.get().model() != now.model()) {
        LOG.info("{} predictions now come from {} ({}){}", now.kind().wireName(), now.version(),
            now.model().file().path(), was.map(w -> ", was " + w.version()).orElse(""));
      }
    }
  }

  private void logInForce() {
    RegistryStatus now = status;
    if (now.active().isEmpty()) {
      LOG.info("no model can serve ({}): the predictor predicts nothing and the rules decide"
          + " without predictions", now.folders().isEmpty() ? "no model folder"
          : "looked in " + String.join(", ", now.folders()));
    }
  }

  private static String versions(List<ActiveModel> active) {
    return active.isEmpty() ? "none" : active.stream().map(ActiveModel::version).toList()
        .toString();
  }

  private static List<String> names(List<ModelFolder> folders) {
    return folders.stream().map(ModelFolder::toString).toList();
  }
}
