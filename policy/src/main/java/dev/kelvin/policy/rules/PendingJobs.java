package dev.kelvin.policy.rules;

import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.SiteId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The queued (not running) jobs of every site, one fact for the whole snapshot: a rule that
 * weighs the queue of a site reads its jobs {@code from} it. The jobs are then not facts of
 * their own, and a {@link JobFact} is made only for the jobs a rule asks for, so a tick does
 * not pay for tens of thousands of them when no rule matches jobs in the session.
 */
public final class PendingJobs {
  private final Map<SiteId, List<Job>> bySite;
  private final Instant now;

  private PendingJobs(Map<SiteId, List<Job>> bySite, Instant now) {
    this.bySite = bySite;
    this.now = now;
  }

  /** Indexes the pending ones of {@code jobs} under their site, in job order, as at {@code now}. */
  public static PendingJobs of(Collection<Job> jobs, Instant now) {
    return of(JobTallies.of(jobs), now);
  }

  /** The queues {@code tallies} gathered, as at {@code now}. */
  static PendingJobs of(JobTallies tallies, Instant now) {
    return new PendingJobs(tallies.pendingBySite(), now);
  }

  /** Every job queued at {@code site}, in the snapshot's job order; empty when none. */
  public List<JobFact> at(SiteId site) {
    return facts(site, job -> true);
  }

  /** The jobs queued at {@code site} that may be deferred. */
  public List<JobFact> deferrable(SiteId site) {
    return facts(site, Job::deferrable);
  }

  /** The jobs queued at {@code site} under a hold now. */
  public List<JobFact> held(SiteId site) {
    return facts(site, job -> job.heldAt(now));
  }

  private List<JobFact> facts(SiteId site, Predicate<Job> wanted) {
    return JobFact.ofEach(bySite.getOrDefault(site, List.of()), now, wanted);
  }

}
