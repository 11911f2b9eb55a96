package dev.kelvin.predictor.model;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.provenance.ModelProvenance;

/**
 * A SHA-256 of a model's provenance that is the same in every JVM for the same training data,
 * trainer configuration and run settings. The provenance's own {@code toString} will not do:
 * some Tribuo provenance objects print their identity hash code, and a map's order may differ
 * from run to run. So the tree is rendered here with map keys sorted and primitives by value,
 * and the parts that record when and where training ran (training time, JVM, operating
 * system) are left out.
 */
public final class ProvenanceHash {
  private ProvenanceHash() {}

  /** The hash, 64 hex digits. */
  public static String of(ModelProvenance provenance) {
    return ProvenanceUtil.hashList(ProvenanceUtil.HashType.SHA256, List.of(
        provenance.getClassName(),
        canonical(provenance.getDatasetProvenance()),
        canonical(provenance.getTrainerProvenance()),
        canonical(provenance.getInstanceProvenance())));
  }

  /** {@code provenance} as text with every map sorted by key. */
  public static String canonical(Provenance provenance) {
    StringBuilder out = new StringBuilder(1024);
    render(provenance, out);
    return out.toString();
  }

  private static void render(Provenance provenance, StringBuilder out) {
    if (provenance instanceof ObjectProvenance object) {
      out.append(object.getClassName());
      renderPairs(object, out);
    } else if (provenance instanceof MapProvenance<?> map) {
      renderPairs(map, out);
    } else if (provenance instanceof ListProvenance<?> list) {
      out.append('[');
      for (Provenance element : list) {
        render(element, out);
        out.append(',');
      }
      out.append(']');
    } else if (provenance instanceof PrimitiveProvenance<?> primitive) {
      out.append(primitive.getValue());
    } else {
      out.append(provenance.getClass().getName());
    }
  }

  private static void renderPairs(Iterable<? extends Pair<String, ? extends Provenance>> pairs,
      StringBuilder out) {
    Map<String, Provenance> sorted = new TreeMap<>();
    for (Pair<String, ? extends Provenance> pair : pairs) {
      sorted.put(pair.getA(), pair.getB());
    }
    out.append('{');
    for (Map.Entry<String, Provenance> entry : sorted.entrySet()) {
      out.append(entry.getKey()).append('=');
      render(entry.getValue(), out);
      out.append(';');
    }
    out.append('}');
  }
}
