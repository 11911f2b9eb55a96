package dev.kelvin.policy;

import dev.kelvin.core.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload of an operator's rule folder: every {@code period} it reads the folder's {@code
 * *.drl} files and, when their names or contents changed since the last look, compiles them
 * with the shipped rules and puts the result in force in the {@link RulePolicy}. Polling
 * through the {@link Scheduler} port (rather than a file watch service with a thread of its
 * own) runs in virtual time too and sees changes on any file system, network mounts included;
 * the cost is one read of a few small files per period.
 *
 * <p>Give it a scheduler other than the control loop's: compiling takes about a second, and
 * the control loop must go on deciding with the old rules meanwhile. A change that does not
 * compile, or a folder that cannot be read, keeps the rules in force and is logged once (not
 * every poll), with each error's file and line, and {@link #status} says so until the files
 * change again.
 */
public final class RuleReloader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);

  private final RulePolicy policy;
  private final RuleDirectory folder;
  private final Scheduler scheduler;
  private final AtomicReference<RulesStatus> status;
  /** The fingerprint (or read error) last looked at; only the scheduler's task touches it. */
  private String lastSeen;
  private final Scheduler.Task task;

  private RuleReloader(RulePolicy policy, RuleDirectory folder, Scheduler scheduler,
      Duration period) {
    this.policy = policy;
    this.folder = folder;
    this.scheduler = scheduler;
    this.lastSeen = policy.operatorFingerprint();
    this.status = new AtomicReference<>(new RulesStatus(false, inForce(), scheduler.now()));
    this.task = scheduler.every("rules-reload " + folder, period, period, this::poll);
  }

  /**
   * Starts watching {@code folder}, whose files {@code policy} was loaded with, every {@code
   * period} on {@code scheduler}.
   */
  public static RuleReloader start(RulePolicy policy, RuleDirectory folder,
      Scheduler scheduler, Duration period) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(folder, "folder");
    Scheduler.requirePositive("rules-reload", period);
    return new RuleReloader(policy, folder, scheduler, period);
  }

  /** Whether the rules on disk are in force, or what is wrong with them. */
  public RulesStatus status() {
    return status.get();
  }

  /** The folder watched. */
  public RuleDirectory folder() {
    return folder;
  }

  @Override
  public void close() {
    task.cancel();
  }

  /** One look at the folder; compiles and swaps when it changed. */
  void poll() {
    RuleDirectory.Contents contents;
    try {
      contents = folder.read();
    } catch (PolicyException e) {
      String seen = "unreadable: " + e.getMessage();
      if (!seen.equals(lastSeen)) {
        lastSeen = seen;
        refuse(e.getMessage());
      }
      return;
    }
    if (contents.fingerprint().equals(lastSeen)) {
      return;
    }
    lastSeen = contents.fingerprint();
    DroolsRuleBase compiled;
    try {
      compiled = RulePolicy.compile(contents);
    } catch (PolicyException e) {
      refuse(e.getMessage());
      return;
    }
    policy.replaceRules(compiled, contents.fingerprint());
    LOG.info("rules in {} changed: compiled {} rules {} in {} ms, now in force", folder,
        compiled.ruleNames().size(), compiled.ruleNames(), compiled.compileTime().toMillis());
    status.set(new RulesStatus(false, inForce(), scheduler.now()));
  }

  private void refuse(String message) {    String detail = message + "\nThe rules compiled before stay in force ("
        + policy.ruleNames().size() + " rules); fix the file and they reload.";
    LOG.warn("rules in {} changed but cannot be used: {}", folder, detail);
    status.set(new RulesStatus(true, detail, scheduler.now()));
  }

  private String inForce() {
    return policy.ruleNames().size() + " rules in force, from the shipped files and "
        + folder.files().size() + " operator file(s) in " + folder;
  }
}
