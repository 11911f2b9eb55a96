package dev.kelvin.policy;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.port.Policy;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.policy.rules.GridOutlook;
import dev.kelvin.policy.rules.NodeThermalFact;
import dev.kelvin.policy.rules.Proposal;
import dev.kelvin.policy.rules.SnapshotFacts;
import dev.kelvin.policy.rules.WindowScans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule-based {@link Policy}: every DRL file under the classpath folder {@code
 * dev/kelvin/policy/rules/} (found by {@link RuleFiles}, so a new rule file needs no list
 * updated), compiled by {@link #load}, run in a fresh session on every {@link #decide}
 * call. Each call inserts the settings, one {@link NodeThermalFact} per node that reports its
 * CPU temperature and frequency range, the snapshot's facts, each site's grid outlook ({@link
 * GridOutlook}, which keeps the last day of grid readings from call to call), and every
 * prediction of a type some rule reads (the others could match nothing; see {@link
 * DroolsRuleBase}); the proposals come back sorted by node, then rule, and get their ids in that
 * order, so the same snapshots in the same order always give the same actions. Thread-safe.
 *
 * <p>An operator's folder of rule files ({@link RuleDirectory}) compiles together with the
 * shipped ones; {@link RuleReloader} recompiles it when it changes and swaps the result in
 * atomically, so that each call runs wholly on the old rules or wholly on the new.
 */
public final class RulePolicy implements Policy {
  private static final Logger LOG = LoggerFactory.getLogger(RulePolicy.class);
  /** The compiled rules in force; {@link #decide} reads it once per call. */
  private final AtomicReference<InForce> inForce;
  private final RuleParameters parameters;
  private final PolicySettings settings;
  private final ActionIds ids;
  /** The window scans kept from tick to tick (decide is called once per tick). */
  private final WindowScans scans = new WindowScans();
  /** Each site's last day of grid readings, kept from tick to tick for the carbon hold. */
  private final GridOutlook outlook = new GridOutlook();

  RulePolicy(DroolsRuleBase ruleBase, RuleParameters parameters, ActionIds ids) {
    this(ruleBase, RuleDirectory.Contents.NONE.fingerprint(), parameters, ids);
  }

  private RulePolicy(DroolsRuleBase ruleBase, String fingerprint, RuleParameters parameters,
      ActionIds ids) {
    this.inForce = new AtomicReference<>(new InForce(Objects.requireNonNull(ruleBase,
        "ruleBase"), fingerprint));
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.settings = parameters.get(PolicySettings.class);
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /**
   * Compiles every rule file under {@code dev/kelvin/policy/rules/}, sorted by path (about
   * 2 s on a small machine, logged), and returns a policy that acts by {@code settings} and
   * numbers its actions with {@code ids}.
   *
   * @throws PolicyException when the folder holds no rule file, or listing every DRL error
   *     with its file and line
   */
  public static RulePolicy load(PolicySettings settings, ActionIds ids) {
    return load(RuleParameters.defaults().with(settings), ids);
  }

  /** Like {@link #load(PolicySettings, ActionIds)}, with the settings of every rule family. */
  public static RulePolicy load(RuleParameters parameters, ActionIds ids) {
    return load(parameters, ids, RuleFiles.policyRules());
  }

  /** Like {@link #load(RuleParameters, ActionIds)}, from the classpath names {@code ruleFiles}. */
  public static RulePolicy load(RuleParameters parameters, ActionIds ids,
      List<String> ruleFiles) {
    DroolsRuleBase ruleBase = DroolsRuleBase.compile(ruleFiles);
    LOG.info("compiled {} policy rules {} from {} in {} ms", ruleBase.ruleNames().size(),
        ruleBase.ruleNames(), ruleFiles, ruleBase.compileTime().toMillis());
    return new RulePolicy(ruleBase, parameters, ids);
  }

  /**
   * Like {@link #load(RuleParameters, ActionIds)}, with the operator's rule files in {@code
   * operatorRules} compiled together with the shipped ones.
   *
   * @throws PolicyException naming the file and line of every error: a broken operator file
   *     stops the start, where no older rules could stand in for it
   */
  public static RulePolicy load(RuleParameters parameters, ActionIds ids,
      RuleDirectory operatorRules) {
    RuleDirectory.Contents contents = operatorRules.read();
    DroolsRuleBase ruleBase = compile(contents);
    LOG.info("compiled {} policy rules {} from the shipped files and {} operator file(s) in {}"
        + " in {} ms", ruleBase.ruleNames().size(), ruleBase.ruleNames(),
        contents.texts().size(), operatorRules, ruleBase.compileTime().toMillis());
    return new RulePolicy(ruleBase, contents.fingerprint(), parameters, ids);
  }

  /** The shipped rules and {@code operator}'s, compiled together. */
  static DroolsRuleBase compile(RuleDirectory.Contents operator) {
    List<RuleText> texts = new ArrayList<>();
    for (String path : RuleFiles.policyRules()) {
      texts.add(RuleFiles.text(path));
    }
    texts.addAll(operator.texts());
    return DroolsRuleBase.compileTexts(texts);
  }

  /**
   * Puts {@code ruleBase}, compiled from operator files with {@code fingerprint}, in force: a
   * {@link #decide} call already running finishes with the rules it started with, the next one
   * uses these.
   */
  void replaceRules(DroolsRuleBase ruleBase, String fingerprint) {
    inForce.set(new InForce(Objects.requireNonNull(ruleBase, "ruleBase"), fingerprint));
  }

  /**
   * A policy with the rules in force here and {@code other} settings, numbering its actions
   * with {@code otherIds}: how a rule scenario runs with its own settings.
   */
  public RulePolicy with(RuleParameters other, ActionIds otherIds) {
    InForce rules = inForce.get();
    return new RulePolicy(rules.ruleBase(), rules.fingerprint(), other, otherIds);
  }

  /** The fingerprint of the operator files the rules in force were compiled from. */
  String operatorFingerprint() {
    return inForce.get().fingerprint();
  }

  @Override
  public List<Action> decide(ClusterSnapshot snapshot, List<Prediction> predictions) {
    DroolsRuleBase ruleBase = inForce.get().ruleBase();
    List<Object> facts = new ArrayList<>(parameters.all());
    List<Optional<NodeThermalFact>> thermal = SnapshotFacts.eachNode(snapshot,
        view -> NodeThermalFact.of(view, settings.defaultCpuTempLimitCelsius(),
            settings.settleTime(), scans));
    int node = 0;
    for (NodeView view : snapshot.views()) {
      Optional<NodeThermalFact> fact = thermal.get(node++);
      if (fact.isPresent()) {
        facts.add(fact.get());
      } else {
        LOG.debug("{} reports no cpu_temp_c, cpu_freq_min_mhz or cpu_freq_max_mhz: the thermal"
            + " rules skip it", view.id());
      }
    }
    facts.addAll(SnapshotFacts.of(snapshot, predictions, scans, ruleBase::seesFactsOf));
    facts.addAll(outlook.update(snapshot, parameters.get(CarbonSettings.class)));
    facts.addAll(predictions);
    List<Proposal> proposals = Proposal.inOrder(ruleBase.fire(facts, snapshot.at()));
    List<Action> actions = new ArrayList<>(proposals.size());
    for (Proposal proposal : proposals) {
      actions.add(toAction(proposal, snapshot));
    }
    return List.copyOf(actions);
  }

  /** The names of the rules in force, sorted. */
  public List<String> ruleNames() {
    return inForce.get().ruleBase().ruleNames();
  }

  /** How long compiling the rules in force took. */
  public Duration compileTime() {
    return inForce.get().ruleBase().compileTime();
  }

  public PolicySettings settings() {
    return settings;
  }

  /** The settings of every rule family in force. */
  public RuleParameters parameters() {
    return parameters;
  }

  /** A compiled rule base and the fingerprint of the operator files it came from. */
  private record InForce(DroolsRuleBase ruleBase, String fingerprint) {}

  private Action toAction(Proposal proposal, ClusterSnapshot snapshot) {
    return proposal.toAction(new ActionMeta(ids.next(), proposal.rule(), proposal.reason(),
        proposal.facts(), snapshot.at(), proposal.lease(settings), proposal.modelVersion()));
  }
}
