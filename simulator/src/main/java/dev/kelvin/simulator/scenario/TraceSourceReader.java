package dev.kelvin.simulator.scenario;

import static dev.kelvin.simulator.scenario.ScenarioKeys.quoted;
import static dev.kelvin.simulator.scenario.ScenarioKeys.refused;

import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.simulator.scenario.TraceSource.Format;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The {@code trace} section. Its keys are read (and their values checked) first; the file is
 * looked for only by {@link #resolve}, once the whole scenario is read, so that a typo elsewhere
 * is reported before a missing file.
 */
final class TraceSourceReader {
  private static final double MAX_LOAD_SCALE = 100;
  /** A century: longer is surely seconds or hours written as days. */
  private static final double MAX_DAYS = 36_500;
  private static final String FORMATS = Arrays.stream(Format.values())
      .map(format -> format.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

  private final ConfigTree section;
  private final Optional<String> file;
  private final Optional<Format> format;
  private final double startDay;
  private final OptionalDouble days;
  private final double loadScale;
  private final double deferrableShare;

  /** Reads every key of {@code section}. */
  TraceSourceReader(ConfigTree section) {
    this.section = section;
    this.file = section.optionalString("file");
    this.format = section.optionalString("format").map(this::format);
    this.startDay = section.decimal("start_day", 0, 0, MAX_DAYS);
    this.days = ScenarioKeys.positive(section, "days", MAX_DAYS,
        "days (leave it out to replay the rest of the trace)");
    this.loadScale = ScenarioKeys.positive(section, "load_scale", 1, MAX_LOAD_SCALE,
        "(a factor: 2 doubles the arrival rate, 0.5 halves it)");
    this.deferrableShare = section.decimal("deferrable_share", 0, 0, 1);
  }

  /** The trace source, its file found through {@code paths} and its format known. */
  TraceSource resolve(ScenarioPaths paths) {
    String written = file.orElseThrow(() -> ScenarioKeys.missing(section, "file",
        "give the job trace to replay, e.g. file: traces/KTH-SP2-1996-2.1-cln.swf.gz"));
    Path found = find(paths, written);
    return new TraceSource(found, format.orElseGet(() -> formatOf(written)), startDay, days,
        loadScale, deferrableShare);
  }

  private Path find(ScenarioPaths paths, String written) {
    try {
      return paths.find(written, path -> Files.isRegularFile(path) && Files.isReadable(path))
          .orElseThrow(() -> refused(section, "file", quoted(written),
              paths.find(written, Files::exists).isPresent()
                  ? "not a readable file: " + paths.tried(written)
                  : "no such file; tried " + paths.tried(written)));
    } catch (InvalidPathException e) {
      throw refused(section, "file", quoted(written), "not a path (" + e.getReason() + ")");
    }
  }

  private Format format(String written) {
    String wanted = written.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(Format.values()).filter(format -> format.name().equals(wanted))
        .findFirst().orElseThrow(() -> refused(section, "format", quoted(written),
            "must be one of " + FORMATS));
  }

  /** swf for .swf(.gz); alibaba for .csv(.gz) with "pod" in the name; lumos for other .csv. */
  private Format formatOf(String written) {
    String name = Path.of(written).getFileName().toString().toLowerCase(Locale.ROOT);
    String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    if (plain.endsWith(".swf")) {
      return Format.SWF;
    }
    if (plain.endsWith(".csv")) {
      return plain.contains("pod") ? Format.ALIBABA : Format.LUMOS;
    }
    throw refused(section, "file", quoted(written), "cannot tell the trace's format from the"
        + " file name (.swf or .swf.gz for swf, .csv or .csv.gz for lumos, or for alibaba with"
        + " \"pod\" in the name); set trace.format to one of " + FORMATS);
  }
}
