package dev.kelvin.predictor.serve;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.prediction.Anomaly;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.model.FeatureSet;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.model.ModelMeta;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Model files for registry tests: a tiny Tribuo model (a most-frequent-label baseline, fast
 * and without native code) under a meta of the kind, features and time range a test asks for,
 * and a loader that checks kind and features as the real loaders do.
 */
final class TestModelFiles {
  static final FeatureSet FEATURES = new FeatureSet("test-node", List.of("a", "b"));
  static final FeatureSet OTHER_FEATURES = new FeatureSet("test-node", List.of("a", "c"));
  static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");

  private TestModelFiles() {}

  /** Writes a {@code kind} model trained until {@code until} on {@code features}. */
  static ModelFile write(Path file, ModelKind kind, FeatureSet features, Instant until) {
    return ModelFile.write(file, tinyModel(), new ModelMeta(kind, features, "baseline",
        "unit-test", "0".repeat(64), FROM, until, Map.of()));
  }

  static ModelFile write(Path file, ModelKind kind, Instant until) {
    return write(file, kind, FEATURES, until);
  }

  /** Rewrites {@code file}'s meta to say it was trained with Tribuo {@code version}. */
  static void claimTribuoVersion(Path file, String version) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    Properties meta = new Properties();
    meta.load(new StringReader(new String(entries.get("kelvin-model.properties"),
        StandardCharsets.ISO_8859_1)));
    meta.setProperty("tribuo.version", version);
    StringWriter text = new StringWriter();
    meta.store(text, null);
    entries.put("kelvin-model.properties", text.toString().getBytes(StandardCharsets.ISO_8859_1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
      }
    }
    Files.write(file, bytes.toByteArray());
  }

  /** Cuts {@code file} to half its length, like a copy that was interrupted. */
  static void truncate(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
  }

  static Model<Label> tinyModel() {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(
        new SimpleDataSourceProvenance("unit test", factory), factory);
    for (int i = 0; i < 4; i++) {
      data.add(new ArrayExample<>(new Label(i % 2 == 0 ? "fail" : "ok"),
          new String[] {"a", "b"}, new double[] {i, -i}));
    }
    return DummyClassifierTrainer.createMostFrequentTrainer().train(data);
  }

  /** A loader of {@code kind} expecting {@link #FEATURES}: its models score every node 0.5. */
  static ModelLoader loader(ModelKind kind) {
    return new ModelLoader() {
      @Override
      public ModelKind kind() {
        return kind;
      }

      @Override
      public ServedModel load(ModelFile file) {
        file.requireKind(kind).requireFeatures(FEATURES);
        return scoring(file, 0.5);
      }
    };
  }

  /** A served model of {@code file} that gives each node an anomaly score of {@code score}. */
  static ServedModel scoring(ModelFile file, double score) {
    return new ServedModel() {
      @Override
      public ModelFile file() {
        return file;
      }

      @Override
      public List<Prediction> predict(ClusterSnapshot snapshot) {
        List<Prediction> out = new ArrayList<>();
        for (NodeView view : snapshot.views()) {
          out.add(new Anomaly(view.id(), score, file.version()));
        }
        return out;
      }
    };
  }
}
