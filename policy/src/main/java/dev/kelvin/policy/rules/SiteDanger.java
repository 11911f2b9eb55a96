package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.Numbers;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.policy.FailoverSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence that one site is down or endangered (failover.drl inserts one per site with an
 * open alarm): its disaster alarms (fire, flood, cooling failure, utility power loss, UPS on
 * battery) and whether it has lost its lease (every node that should report silent for the
 * configured time). It is confirmed by two independent signals: a disaster alarm plus the lost
 * lease, or two disaster alarms of different kinds from different sensors. A missing message
 * or a single alarm is never enough.
 */
public record SiteDanger(SiteId site, List<AlarmFact> alarms, boolean leaseLost,
    double silentSeconds, double loadWatts, double leaseLostAfterSeconds, int jobs) {

  /** The alarms that endanger a site's work. */
  public static final Set<FacilityKind> DISASTERS = EnumSet.of(FacilityKind.ALARM_FIRE,
      FacilityKind.ALARM_FLOOD, FacilityKind.ALARM_COOLING_FAILURE,
      FacilityKind.UTILITY_POWER_LOSS, FacilityKind.UPS_ON_BATTERY);
  private static final Comparator<AlarmFact> ALARM_ORDER = Comparator
      .comparing(AlarmFact::kind).thenComparing(alarm -> alarm.sensor().toString());

  public SiteDanger {
    alarms = List.copyOf(alarms);
  }

  /**
   * The danger of {@code site} from its open {@code alarms} (of any kind; only disasters count)
   * and its lease facts (none or one).
   */
  public static SiteDanger of(SiteFact site, List<?> alarms, List<?> leases,
      FailoverSettings settings) {
    List<AlarmFact> disasters = new ArrayList<>();
    for (Object alarm : alarms) {
      if (alarm instanceof AlarmFact fact && DISASTERS.contains(fact.kind())) {
        disasters.add(fact);
      }
    }
    disasters.sort(ALARM_ORDER);
    Optional<SiteLeaseFact> lease = leaseOf(site.site(), leases);
    double threshold = settings.leaseLostAfterSeconds();
    return new SiteDanger(site.site(), disasters,
        lease.map(fact -> fact.lostAfter(threshold)).orElse(false),
        lease.map(SiteLeaseFact::silentSeconds).orElse(Double.NaN),
        lease.map(SiteLeaseFact::loadWatts).orElse(0.0), threshold,
        lease.map(SiteLeaseFact::jobs).orElse(0));
  }

  /** Whether the site still has jobs, running or queued, for a failover to move. */
  public boolean hasWork() {
    return jobs > 0;
  }

  public int disasterAlarms() {
    return alarms.size();
  }

  /** Whether two independent signals confirm the danger. */
  public boolean confirmed() {
    return !alarms.isEmpty() && leaseLost || twoIndependentAlarms();
  }

  /**
   * Fail over to the healthy site (no open alarm, its lease held, with a budget whose headroom
   * covers the load) with the most headroom, ties to the lower site id; a critical notice when
   * none can take the load.
   */
  public Proposal failover(String rule, List<?> sites, List<?> leases) {
    Optional<SiteFact> target = sites.stream().filter(SiteFact.class::isInstance)
        .map(SiteFact.class::cast).filter(other -> healthy(other, leases))
        .filter(other -> other.headroomWatts() >= loadWatts)
        .min(Comparator.comparingDouble(SiteFact::headroomWatts).reversed()
            .thenComparing(SiteFact::site));
    if (target.isEmpty()) {
      return new NoticeProposal(rule, Notify.Severity.CRITICAL, site.toString(), evidence()
          + ", but no healthy site has the budget headroom for its "
          + Numbers.plain(loadWatts, 0) + " W: fail it over by hand", facts());
    }
    List<Fact> facts = new ArrayList<>(facts());
    facts.add(new Fact("target_headroom_w", target.get().headroomWatts(), "W"));
    return new FailoverProposal(rule, site, target.get().site(), evidence() + ": fail its "
        + Numbers.plain(loadWatts, 0) + " W of running work over to " + target.get().site()
        + ", whose budget leaves " + Numbers.plain(target.get().headroomWatts(), 0) + " W;"
        + " " + site + " admits no new work and its jobs restart from checkpoints", facts);
  }

  /** A warning for one signal alone, which must not move any work. */
  public NoticeProposal unconfirmed(String rule) {
    return new NoticeProposal(rule, Notify.Severity.WARNING, site.toString(), evidence()
        + ": one signal only, no failover until a second independent one (a lost lease, or an"
        + " alarm of another kind from another sensor) confirms it", facts());
  }

  private boolean twoIndependentAlarms() {
    for (AlarmFact a : alarms) {
      for (AlarmFact b : alarms) {
        if (a.kind() != b.kind() && !a.sensor().equals(b.sensor())) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean healthy(SiteFact other, List<?> leases) {
    return !other.site().equals(site) && other.openAlarms() == 0
        && leaseOf(other.site(), leases)
            .map(lease -> lease.reportingNodes() > 0 && !lease.lostAfter(leaseLostAfterSeconds))
            .orElse(false);
  }

  private String evidence() {
    StringBuilder text = new StringBuilder(site.toString()).append(':');
    for (AlarmFact alarm : alarms) {
      text.append(' ').append(alarm.kind()).append(" from ").append(alarm.sensor())
          .append(" open ").append(FailureProposals.seconds(alarm.openSeconds())).append(',');
    }
    text.append(leaseLost ? " lease lost (no node heard for "
        + FailureProposals.seconds(silentSeconds) + ", limit "
        + FailureProposals.seconds(leaseLostAfterSeconds) + ")" : " lease held");
    return text.toString();
  }

  private List<Fact> facts() {
    return List.of(new Fact("disaster_alarms", alarms.size(), ""),
        new Fact("site_silent_s", silentSeconds, "s"),
        new Fact("lease_lost_after_s", leaseLostAfterSeconds, "s"),
        new Fact("load_w", loadWatts, "W"));
  }

  private static Optional<SiteLeaseFact> leaseOf(SiteId site, List<?> leases) {
    return leases.stream().filter(SiteLeaseFact.class::isInstance)
        .map(SiteLeaseFact.class::cast).filter(lease -> lease.site().equals(site)).findFirst();
  }
}
