package dev.kelvin.predictor.load;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.history.BackfillRetries;
import dev.kelvin.predictor.history.HistoryBackfill;
import dev.kelvin.predictor.history.HistoryReadBack;
import dev.kelvin.predictor.history.ScopeHistory;
import dev.kelvin.predictor.history.ScopeSteps;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.serve.ServedModel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A load model serving every tick. Each snapshot's power (and CPU utilisation where reported) of
 * every node that is not stale, and each site's total power and mean utilisation over those nodes,
 * go into a bucketed history per node and per site at the model's step. When a step has ended,
 * each scope whose last complete step is known is forecast at every horizon, in batches, with the
 * model's version; a scope without that gets no forecast. The batches are spread over the ticks
 * that follow the step's end, sites first ({@link #SPREAD_TICKS} ticks at most and within half a
 * step, at least {@link #MIN_BATCH} scopes a tick), so that no one tick pays for every node: until its turn a
 * scope keeps its forecasts of the step before, which the next forecast would have repeated from
 * the same complete steps. Between step ends the last forecasts are returned, less those of
 * nodes now stale or gone. A history no sample reached for a day is
 * dropped, so memory stays bounded by the nodes seen in the last day (about 2.3 KB each at 5
 * minutes, with utilisation). A forecast's horizon counts from the end of the last complete step.
 *
 * <p><b>History at start.</b> With a {@link HistoryBackfill} that has a source (InfluxDB), each
 * node and site seen for the first time is asked for the day (and one step) before its first
 * live sample, all those of one tick in one request that runs off this thread. What comes back
 * (nodes in chunks as they are read, a site once all its nodes are) is merged at the start of
 * the next tick (of the same tick when the request answered at once) into the steps before the
 * first live one, and those scopes are forecast at once instead of at the next step's end. The step of the first live sample is the live samples' alone: a value
 * read back for it only says the series reported before, so that step counts as covered from
 * its start (see {@link BucketedHistory#fill}). A scope whose request failed keeps its live
 * history and is asked again at a later tick ({@link HistoryReadBack}, {@link BackfillRetries}:
 * 30 s after the failure, then doubling up to 10 minutes; a site's retry re-reads the nodes it
 * has a history of then, to sum them); a retry that answers fills the steps before the first
 * live one as a first answer would. Thread-safe.
 */
final class LoadServedModel implements ServedModel {
  /** The ticks after a step's end over which its forecasts are spread, at most. */
  static final int SPREAD_TICKS = 30;
  /** Scopes forecast in one tick at least: small sites are forecast at once. */
  static final int MIN_BATCH = 256;

  private final ModelFile file;
  private final LoadModel model;
  private final ZoneId zone;
  private final HistoryReadBack readBack;
  private final long stepMillis;
  private final int capacity;
  private final int featureCount;
  private final Map<ForecastScope, Histories> histories = new HashMap<>();
  private final Map<ForecastScope, List<Prediction>> forecasts = new LinkedHashMap<>();
  private final ArrayDeque<ForecastScope> due = new ArrayDeque<>();
  private long forecastBucket = Long.MIN_VALUE;
  private long lastTickMillis = Long.MIN_VALUE;
  private int batch;

  LoadServedModel(ModelFile file, LoadModel model, ZoneId zone, HistoryBackfill backfill) {
    this.file = Objects.requireNonNull(file, "file");
    this.model = Objects.requireNonNull(model, "model");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.readBack = new HistoryReadBack(backfill, new BackfillRetries());
    LoadHorizons horizons = model.horizons();
    this.stepMillis = horizons.step().toMillis();
    this.capacity = horizons.stepsPerDay() + 1;
    this.featureCount = LoadFeatures.names(horizons).size();
  }

  @Override
  public ModelFile file() {
    return file;
  }

  @Override
  public synchronized List<Prediction> predict(ClusterSnapshot snapshot) {
    long at = snapshot.at().toEpochMilli();
    long bucket = Math.floorDiv(at, stepMillis);
    record(snapshot, at, bucket);
    readBack.askSteps(snapshot.at(), bucket - capacity, model.horizons().step(), this::nodesOf);
    List<ForecastScope> merged = mergeHistory(snapshot.at());
    if (bucket > forecastBucket) {
      histories.values().removeIf(h -> h.power.lastSampled() < bucket - capacity);
      forecasts.keySet().retainAll(histories.keySet());
      readBack.retainAll(histories.keySet());
      queueEveryScope(spreadTicks(at));
      forecastBucket = bucket;
    } else if (!merged.isEmpty()) {
      due.addAll(merged);
      batch = Math.max(MIN_BATCH, (due.size() + spreadTicks(at) - 1) / spreadTicks(at));
    }
    lastTickMillis = at;
    if (!due.isEmpty()) {
      forecastDue(forecastBucket);
    }
    return current(snapshot);
  }

  /**
   * The ticks to spread a step's forecasts over: {@link #SPREAD_TICKS} at most, and no more
   * than fit in half a step at the pace of the ticks so far (ticks a step apart: all at once).
   */
  private int spreadTicks(long at) {
    long interval = lastTickMillis == Long.MIN_VALUE ? stepMillis : at - lastTickMillis;
    long fit = interval <= 0 ? 1 : stepMillis / (2 * interval);
    return (int) Math.max(1, Math.min(SPREAD_TICKS, fit));
  }

  /** Every scope due for the new step, sites first, in batches over {@code ticks} ticks. */
  private void queueEveryScope(int ticks) {
    due.clear();
    histories.keySet().stream().filter(scope -> scope instanceof ForecastScope.OfSite)
        .forEach(due::add);
    histories.keySet().stream().filter(scope -> !(scope instanceof ForecastScope.OfSite))
        .forEach(due::add);
    batch = Math.max(MIN_BATCH, (due.size() + ticks - 1) / ticks);
  }

  /** Forecasts the next batch of due scopes; a scope that gets none now loses its old ones. */
  private void forecastDue(long bucket) {
    List<ForecastScope> turn = new ArrayList<>(Math.min(batch, due.size()));
    while (!due.isEmpty() && turn.size() < batch) {
      turn.add(due.poll());
    }
    turn.forEach(forecasts::remove);
    for (Prediction prediction : forecast(bucket, turn)) {
      forecasts.computeIfAbsent(((LoadForecast) prediction).scope(), s -> new ArrayList<>())
          .add(prediction);
    }
  }

  /** The last forecasts less those of nodes stale or gone in {@code snapshot}. */
  private List<Prediction> current(ClusterSnapshot snapshot) {
    List<Prediction> out = new ArrayList<>(forecasts.size() * model.horizons().count());
    forecasts.forEach((scope, predictions) -> {
      if (scope instanceof ForecastScope.OfNode node) {
        NodeView view = snapshot.nodes().get(node.node());
        if (view == null || view.stale()) {
          return;
        }
      }
      out.addAll(predictions);
    });
    return out;
  }

  /** The nodes of {@code site} with a history: those a retry of the site's history reads. */
  private List<NodeId> nodesOf(SiteId site) {
    List<NodeId> nodes = new ArrayList<>();
    for (ForecastScope scope : histories.keySet()) {
      if (scope instanceof ForecastScope.OfNode node && node.node().site().equals(site)) {
        nodes.add(node.node());
      }
    }
    return nodes;
  }

  /** Merges the histories read back since the last tick; returns the scopes merged. */
  private List<ForecastScope> mergeHistory(Instant now) {
    List<ForecastScope> merged = new ArrayList<>();
    for (ScopeHistory read : readBack.arrived(now, histories::containsKey)) {
      Histories h = histories.get(read.scope());
      if (h != null && read instanceof ScopeSteps steps) {
        h.power.fill(steps.firstStep(), steps.power(), h.liveFrom);
        steps.utilization().ifPresent(util -> h.util().fill(steps.firstStep(), util,
            h.liveFrom));
        merged.add(steps.scope());
      }
    }
    return merged;
  }

  /** How many nodes and sites have a history now. */
  synchronized int tracked() {
    return histories.size();
  }

  /** The power and utilisation history of one scope. */
  private final class Histories {
    final BucketedHistory power = new BucketedHistory(capacity, stepMillis);
    /** The bucket of the first live sample: buckets before it may be read back. */
    final long liveFrom;
    BucketedHistory util;

    Histories(long liveFrom) {
      this.liveFrom = liveFrom;
    }

    void add(long at, double watts, OptionalDouble utilization) {
      power.add(at, watts);
      if (utilization.isPresent()) {
        util().add(at, utilization.getAsDouble());
      }
    }

    BucketedHistory util() {
      if (util == null) {
        util = new BucketedHistory(capacity, stepMillis);
      }
      return util;
    }
  }

  private void record(ClusterSnapshot snapshot, long at, long bucket) {
    Map<SiteId, double[]> sites = new TreeMap<>();
    for (NodeView node : snapshot.views()) {
      OptionalDouble watts = node.latest(NodeMetric.POWER_WATTS);
      if (node.stale() || watts.isEmpty()) {
        continue;
      }
      OptionalDouble util = node.latest(NodeMetric.CPU_UTIL_RATIO);
      history(ForecastScope.node(node.id()), bucket).add(at, watts.getAsDouble(), util);
      double[] site = sites.computeIfAbsent(node.id().site(), s -> new double[3]);
      site[0] += watts.getAsDouble();
      if (util.isPresent()) {
        site[1] += util.getAsDouble();
        site[2]++;
      }
    }
    sites.forEach((site, sums) -> history(ForecastScope.site(site), bucket).add(at, sums[0],
        sums[2] > 0 ? OptionalDouble.of(sums[1] / sums[2]) : OptionalDouble.empty()));
  }

  private Histories history(ForecastScope scope, long bucket) {
    Histories h = histories.get(scope);
    if (h == null) {
      h = new Histories(bucket);
      histories.put(scope, h);
      readBack.firstSeen(scope);
    }
    return h;
  }

  private List<Prediction> forecast(long bucket, List<ForecastScope> turn) {
    long anchor = bucket - 1;
    Instant madeAt = Instant.ofEpochMilli(bucket * stepMillis);
    List<ForecastScope> scopes = new ArrayList<>();
    List<LoadAnchor> anchors = new ArrayList<>();
    List<Integer> utilAt = new ArrayList<>();
    for (ForecastScope scope : turn) {
      Histories h = histories.get(scope);
      if (h == null) {
        continue;
      }
      h.power.closeBefore(bucket);
      LoadAnchor power = LoadAnchor.at(h.power.from(anchor), madeAt, zone, model.horizons(),
          featureCount);
      if (power != null) {
        scopes.add(scope);
        anchors.add(power);
        LoadAnchor util = null;
        if (h.util != null) {
          h.util.closeBefore(bucket);
          util = LoadAnchor.at(h.util.from(anchor), madeAt, zone, model.horizons(), featureCount);
        }
        utilAt.add(util == null ? -1 : anchors.size());
        if (util != null) {
          anchors.add(util);
        }
      }
    }
    return anchors.isEmpty() ? List.of() : predictions(scopes, utilAt, model.forecast(anchors));
  }

  private List<Prediction> predictions(List<ForecastScope> scopes, List<Integer> utilAt,
      double[][] levels) {
    LoadHorizons horizons = model.horizons();
    List<Prediction> out = new ArrayList<>(scopes.size() * horizons.count());
    int row = 0;
    for (int s = 0; s < scopes.size(); s++) {
      double[] power = levels[row++];
      double[] util = utilAt.get(s) < 0 ? null : levels[row++];
      for (int h = 0; h < horizons.count(); h++) {
        OptionalDouble ratio = util == null ? OptionalDouble.empty()
            : OptionalDouble.of(Math.min(1, util[h]));
        out.add(new LoadForecast(scopes.get(s), horizons.horizons().get(h), power[h], ratio,
            model.version()));
      }
    }
    return List.copyOf(out);
  }
}
