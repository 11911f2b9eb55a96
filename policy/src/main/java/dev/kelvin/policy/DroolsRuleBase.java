package dev.kelvin.policy;

import dev.kelvin.policy.rules.Proposal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.time.SessionPseudoClock;

/**
 * The one class that touches the Drools API. Compiles DRL files (from the classpath, and an
 * operator's from disk) into an executable-model rule base, then runs a fresh session per call on a pseudo clock set to
 * the snapshot's time, and returns the {@link Proposal}s the rules inserted. The compiled rule
 * base is immutable and shared; sessions are never shared, so {@link #fire} is thread-safe.
 *
 * <p>A fact is inserted only when some pattern of the compiled rules can see it: when the
 * network has an object type node for its class, a superclass or an interface of it (any
 * pattern, {@code exists}, {@code accumulate} or query on a type builds one). Others (such as
 * predictions while no rule reads them) could match nothing and would only cost the insertion;
 * a consequence that walks the whole working memory would miss them, which no Kelvin rule does.
 * Where the network holds a type other than a Java class, every fact is inserted.
 */
final class DroolsRuleBase {
  private static final AtomicLong BUILDS = new AtomicLong();

  private final KieBase kieBase;
  private final KieSessionConfiguration sessionConfig;
  private final List<String> ruleNames;
  private final Duration compileTime;
  /** Whether a fact of a class can reach any pattern of the rules; computed once per class. */
  private final ClassValue<Boolean> matchable;

  private DroolsRuleBase(KieBase kieBase, KieSessionConfiguration sessionConfig,
      Duration compileTime) {
    this.kieBase = kieBase;
    this.sessionConfig = sessionConfig;
    this.compileTime = compileTime;
    this.ruleNames = namesOf(kieBase);
    Optional<List<Class<?>>> seen = typesSeen(kieBase);
    this.matchable = new ClassValue<>() {
      @Override
      protected Boolean computeValue(Class<?> type) {
        return seen.isEmpty() || seen.get().stream().anyMatch(t -> t.isAssignableFrom(type));
      }
    };
  }

  /**
   * Compiles the DRL files at {@code resourcePaths} (classpath names such as {@code
   * dev/kelvin/policy/rules/thermal-cpu.drl}).
   *
   * @throws PolicyException listing every DRL error with its file and line
   */
  static DroolsRuleBase compile(List<String> resourcePaths) {
    List<RuleText> texts = new ArrayList<>();
    for (String path : resourcePaths) {
      texts.add(RuleFiles.text(path));
    }
    return compileTexts(texts);
  }

  /**
   * Compiles {@code texts} together, in one package space: a rule name given twice is an error.
   * Each error names the file as {@link RuleText#shownAs} has it.
   *
   * @throws PolicyException listing every DRL error with its file and line
   */
  static DroolsRuleBase compileTexts(List<RuleText> texts) {
    long started = System.nanoTime();
    KieServices services = KieServices.Factory.get();
    ReleaseId releaseId = services.newReleaseId("dev.kelvin", "kelvin-policy-rules",
        "1.0." + BUILDS.incrementAndGet());
    KieFileSystem files = services.newKieFileSystem();
    files.generateAndWritePomXML(releaseId);
    Map<String, RuleText> shown = new HashMap<>();
    for (RuleText text : texts) {
      String path = "src/main/resources/" + text.path();
      shown.put(path, text);
      shown.put(text.path(), text);
      files.write(path, services.getResources().newByteArrayResource(text.bytes())
          .setSourcePath(text.path()));
    }
    KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      throw new PolicyException(describe(errors, shown));
    }
    KieBase kieBase = services.newKieContainer(releaseId).getKieBase();
    services.getRepository().removeKieModule(releaseId);
    KieSessionConfiguration config = services.newKieSessionConfiguration();
    config.setOption(ClockTypeOption.PSEUDO);
    return new DroolsRuleBase(kieBase, config, Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Inserts {@code facts} into a fresh session whose clock reads {@code at}, fires every rule
   * and returns what the rules proposed, in no particular order.
   *
   * @throws PolicyException when a rule fails, naming it and the cause
   */
  List<Proposal> fire(Collection<?> facts, Instant at) {
    KieSession session = kieBase.newKieSession(sessionConfig, null);
    try {
      SessionPseudoClock clock = session.getSessionClock();
      clock.advanceTime(at.toEpochMilli(), TimeUnit.MILLISECONDS);
      for (Object fact : facts) {
        if (seesFactsOf(fact.getClass())) {
          session.insert(fact);
        }
      }
      session.fireAllRules();
      List<Proposal> proposals = new ArrayList<>();
      // a class filter reads the proposals' own store, not every fact in the session
      for (Object object : session.getObjects(new ClassObjectFilter(Proposal.class))) {
        proposals.add((Proposal) object);
      }
      return proposals;
    } catch (RuntimeException e) {
      throw new PolicyException("the rules failed on the snapshot at " + at + " with "
          + facts.size() + " facts: " + rootMessage(e) + " (see the cause for the rule)", e);
    } finally {
      session.dispose();
    }
  }

  /** Whether {@link #fire} inserts facts of {@code type}: some pattern of the rules can see them. */
  boolean seesFactsOf(Class<?> type) {
    return matchable.get(type);
  }

  /** The names of the compiled rules, sorted. */
  List<String> ruleNames() {
    return ruleNames;
  }

  Duration compileTime() {
    return compileTime;
  }

  /**
   * The classes the rules' object type nodes stand for, across every entry point; empty when
   * the rule base is not the engine's own or holds a type that is not a Java class, so that
   * every fact is inserted.
   */
  private static Optional<List<Class<?>>> typesSeen(KieBase kieBase) {
    if (!(kieBase instanceof InternalRuleBase ruleBase)) {
      return Optional.empty();
    }
    List<Class<?>> types = new ArrayList<>();
    for (EntryPointNode entryPoint : ruleBase.getRete().getEntryPointNodes().values()) {
      for (ObjectType type : entryPoint.getObjectTypeNodes().keySet()) {
        if (!(type instanceof ClassObjectType classType)) {
          return Optional.empty();
        }
        types.add(classType.getClassType());
      }
    }
    return Optional.of(List.copyOf(types));
  }

  private static String describe(List<Message> errors, Map<String, RuleText> shown) {
    StringBuilder text = new StringBuilder();
    text.append(errors.size()).append(errors.size() == 1 ? " error" : " errors")
        .append(" compiling the policy rules:");
    for (Message error : errors) {
      String path = error.getPath() == null ? "(no file)" : error.getPath();
      RuleText file = shown.get(path);
      String message = firstLine(error.getText());
      text.append("\n  ").append(file == null ? path : file.shownAs())
          .append(where(error.getLine(), file, message)).append(": ").append(message);
    }
    return text.toString();
  }

  /**
   * The line of an error: as the compiler reports it, else (the executable model reports none
   * for an unknown fact field) the first line holding the expression the message quotes.
   */
  private static String where(int line, RuleText file, String message) {
    if (line > 0) {
      return " line " + line;
    }
    int quoted = message.lastIndexOf(": ");
    if (file != null && quoted >= 0) {
      String expression = message.substring(quoted + 2).strip();
      String[] lines = new String(file.bytes(), StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < lines.length && !expression.isEmpty(); i++) {
        if (lines[i].contains(expression)) {
          return " line " + (i + 1) + " (where the expression is)";
        }
      }
    }
    return " (line not reported)";
  }

  private static String firstLine(String text) {
    String stripped = text.strip();
    int end = stripped.indexOf('\n');
    return end < 0 ? stripped : stripped.substring(0, end).strip() + " (...)";
  }

  private static List<String> namesOf(KieBase kieBase) {
    List<String> names = new ArrayList<>();
    for (KiePackage kiePackage : kieBase.getKiePackages()) {
      for (Rule rule : kiePackage.getRules()) {
        names.add(rule.getName());
      }
    }
    names.sort(null);
    return List.copyOf(names);
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
