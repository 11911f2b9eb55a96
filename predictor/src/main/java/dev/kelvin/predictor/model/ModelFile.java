package dev.kelvin.predictor.model;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Tribuo;

/**
 * A Kelvin model file: a zip of the Tribuo model in Tribuo's protobuf form (with its own
 * provenance: trainer, hyperparameters, dataset) and a properties file of {@link ModelMeta}.
 * Read back, it is checked before use: a file that is not such a zip, a corrupt model, a model
 * from another Tribuo version, of another kind or of another feature set is refused with the
 * path and the reason.
 *
 * @param path where it was read from or written to
 * @param model the Tribuo model
 * @param meta what Kelvin recorded beside it
 * @param version like {@code failure-1a2b3c4d}: the kind and 8 hex digits of a hash of the
 *     model's provenance (without training time or machine) and the meta
 */
public record ModelFile(Path path, Model<?> model, ModelMeta meta, String version) {
  static final String MODEL_ENTRY = "model.tribuo";
  static final String META_ENTRY = "kelvin-model.properties";
  private static final String SETTING = "setting.";

  public ModelFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(version, "version");
  }

  /** Writes {@code model} with {@code meta} to {@code file}, replacing it atomically. */
  public static ModelFile write(Path file, Model<?> model, ModelMeta meta) {
    Properties properties = properties(meta);
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try {
      ByteArrayOutputStream tribuo = new ByteArrayOutputStream();
      model.serializeToStream(tribuo);
      try (OutputStream out = Files.newOutputStream(partial);
          ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry(META_ENTRY));
        zip.write(text(properties).getBytes(StandardCharsets.ISO_8859_1));
        zip.putNextEntry(new ZipEntry(MODEL_ENTRY));
        tribuo.writeTo(zip);
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write model file " + file + ": " + e.getMessage()
          + " (is its folder there and writable?)", e);
    }
    return new ModelFile(file, model, meta, version(model, properties, meta.kind()));
  }

  /** Reads and checks {@code file}; see the class comment for what is refused. */
  public static ModelFile read(Path file) {
    Map<String, byte[]> entries = entries(file);
    byte[] metaBytes = entries.get(META_ENTRY);
    byte[] modelBytes = entries.get(MODEL_ENTRY);
    if (metaBytes == null || modelBytes == null) {
      throw new ModelFileException(file, "not a Kelvin model file: expected a zip with "
          + MODEL_ENTRY + " and " + META_ENTRY + ", found " + entries.keySet()
          + " (a bare Tribuo model? write it with kelvin train)");
    }
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(new String(metaBytes, StandardCharsets.ISO_8859_1)));
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFileException(file, "unreadable " + META_ENTRY + ": " + e.getMessage(), e);
    }
    ModelMeta meta = meta(properties, file);
    String trainedWith = properties.getProperty("tribuo.version", "");
    if (!trainedWith.equals(Tribuo.VERSION)) {
      throw new ModelFileException(file, "trained with Tribuo " + trainedWith
          + ", this Kelvin runs Tribuo " + Tribuo.VERSION + " (retrain it with kelvin train)");
    }
    Model<?> model = model(modelBytes, file);
    return new ModelFile(file, model, meta, version(model, properties, meta.kind()));
  }

  /** The model as a model of {@code output}, or a refusal naming what it predicts instead. */
  public <T extends Output<T>> Model<T> as(Class<T> output) {
    if (!model.validate(output)) {
      throw new ModelFileException(path, "its Tribuo model does not predict "
          + output.getSimpleName() + " (a model of another kind?)");
    }
    return model.castModel(output);
  }

  /** This file, or a refusal when it predicts another kind. */
  public ModelFile requireKind(ModelKind kind) {
    if (meta.kind() != kind) {
      throw new ModelFileException(path, "is a " + meta.kind().wireName() + " model, expected a "
          + kind.wireName() + " model");
    }
    return this;
  }

  /** This file, or a refusal naming the features that differ from {@code expected}. */
  public ModelFile requireFeatures(FeatureSet expected) {
    FeatureSet trained = meta.features();
    if (!trained.equals(expected)) {
      List<String> missing = trained.names().stream()
          .filter(name -> !expected.names().contains(name)).toList();
      List<String> added = expected.names().stream()
          .filter(name -> !trained.names().contains(name)).toList();
      throw new ModelFileException(path, "trained on feature set " + trained.id()
          + ", this Kelvin computes " + expected.id() + " (unknown here: " + missing
          + "; not in the model: " + added + (missing.isEmpty() && added.isEmpty()
              ? "; same names in another order" : "") + "); retrain it with kelvin train");
    }
    return this;
  }

  /** What to show an operator: the meta, Tribuo's version, trainer and training time. */
  public Map<String, String> provenance() {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put("version", version);
    shown.put("kind", meta.kind().wireName());
    shown.put("file", path.toString());
    shown.put("features", meta.features().id());
    shown.put("algorithm", meta.algorithm());
    shown.put("data", meta.data());
    shown.put("data_sha256", meta.dataSha256());
    shown.put("trained_from", meta.trainedFrom().toString());
    shown.put("trained_until", meta.trainedUntil().toString());
    shown.put("tribuo_version", model.getProvenance().getTribuoVersion());
    shown.put("trained_at", model.getProvenance().getTrainingTime().toInstant().toString());
    shown.put("trainer", ProvenanceHash.canonical(model.getProvenance().getTrainerProvenance()));
    new TreeMap<>(meta.settings()).forEach((key, value) -> shown.put("setting." + key, value));
    return shown;
  }

  private static Properties properties(ModelMeta meta) {
    Properties properties = new Properties();
    properties.setProperty("kind", meta.kind().wireName());
    properties.setProperty("features.name", meta.features().name());
    properties.setProperty("features", String.join("\n", meta.features().names()));
    properties.setProperty("algorithm", meta.algorithm());
    properties.setProperty("data", meta.data());
    properties.setProperty("data.sha256", meta.dataSha256());
    properties.setProperty("trained.from", meta.trainedFrom().toString());
    properties.setProperty("trained.until", meta.trainedUntil().toString());
    properties.setProperty("tribuo.version", Tribuo.VERSION);
    meta.settings().forEach((key, value) -> properties.setProperty(SETTING + key, value));
    return properties;
  }

  private static ModelMeta meta(Properties properties, Path file) {
    try {
      Map<String, String> settings = new HashMap<>();
      for (String key : properties.stringPropertyNames()) {
        if (key.startsWith(SETTING)) {
          settings.put(key.substring(SETTING.length()), properties.getProperty(key));
        }
      }
      return new ModelMeta(ModelKind.parse(required(properties, "kind", file)),
          new FeatureSet(required(properties, "features.name", file),
              Arrays.asList(required(properties, "features", file).split("\n"))),
          required(properties, "algorithm", file), required(properties, "data", file),
          required(properties, "data.sha256", file),
          Instant.parse(required(properties, "trained.from", file)),
          Instant.parse(required(properties, "trained.until", file)), settings);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ModelFileException(file, "bad " + META_ENTRY + ": " + e.getMessage(), e);
    }
  }

  private static String required(Properties properties, String key, Path file) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new ModelFileException(file, META_ENTRY + " lacks '" + key
          + "' (written by an older Kelvin, or edited by hand?)");
    }
    return value;
  }

  private static Map<String, byte[]> entries(Path file) {
    Map<String, byte[]> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFileException(file, "unreadable or not a zip: " + e.getMessage()
          + " (truncated by a copy, or not a Kelvin model file?)", e);
    }
    return entries;
  }

  private static Model<?> model(byte[] bytes, Path file) {
    try {
      return Model.deserializeFromStream(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new ModelFileException(file, "corrupt " + MODEL_ENTRY + ": " + e.getMessage()
          + " (truncated, or from an incompatible Tribuo?)", e);
    }
  }

  private static String version(Model<?> model, Properties properties, ModelKind kind) {
    String hash = ProvenanceUtil.hashList(ProvenanceUtil.HashType.SHA256, List.of(ProvenanceHash.of(model.getProvenance()), text(properties)));
    return kind.wireName() + "-" + hash.substring(0, 8).toLowerCase(Locale.ROOT);
  }

  /** The properties as text with sorted keys and no date comment, the same in every run. */
  private static String text(Properties properties) {
    StringBuilder out = new StringBuilder();
    for (String key : new TreeMap<>(Map.copyOf(properties)).keySet().stream()
        .map(Object::toString).toList()) {
      Properties one = new Properties();
      one.setProperty(key, properties.getProperty(key));
      StringWriter line = new StringWriter();
      try {
        one.store(line, null);
      } catch (IOException e) {
        throw new UncheckedIOException("writing properties to memory failed", e);
      }
      line.toString().lines().filter(l -> !l.startsWith("#"))
          .forEach(l -> out.append(l).append('\n'));
    }
    return out.toString();
  }
}
