package dev.kelvin.core.model;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the controller knows of one site at a snapshot: its racks, the power budgets set for it
 * and its racks, the latest reading of each facility sensor (CRAC, PDU, UPS, weather, grid),
 * and the alarms raised now.
 */
public record SiteView(SiteId id, SortedSet<RackId> racks, List<PowerBudget> budgets,
    List<FacilityReading> facility, List<Alarm> openAlarms) {
  public SiteView {
    Objects.requireNonNull(id, "id");
    racks = Collections.unmodifiableSortedSet(new TreeSet<>(racks));
    budgets = List.copyOf(budgets);
    facility = List.copyOf(facility);
    openAlarms = List.copyOf(openAlarms);
    for (PowerBudget budget : budgets) {
      requireSite(id, budget.site(), "budget");
    }
    for (FacilityReading reading : facility) {
      requireSite(id, reading.site(), "facility reading");
    }
    for (Alarm alarm : openAlarms) {
      requireSite(id, alarm.site(), "alarm");
    }
  }

  /** A site known only by name. */
  public static SiteView empty(SiteId id) {
    return new SiteView(id, new TreeSet<>(), List.of(), List.of(), List.of());
  }

  /** The budget of the whole site, if one is set. */
  public Optional<PowerBudget> siteBudget() {
    return budgets.stream().filter(budget -> budget.rack().isEmpty()).findFirst();
  }

  /** The budget of {@code rack}, if one is set. */
  public Optional<PowerBudget> rackBudget(RackId rack) {
    return budgets.stream().filter(budget -> budget.rack().equals(Optional.of(rack)))
        .findFirst();
  }

  /** The latest reading of {@code kind} from any of the site's sensors, newest first. */
  public List<FacilityReading> facility(FacilityKind kind) {
    return facility.stream().filter(reading -> reading.kind() == kind)
        .sorted((a, b) -> b.at().compareTo(a.at())).toList();
  }

  private static void requireSite(SiteId site, SiteId other, String what) {
    if (!site.equals(other)) {
      throw new IllegalArgumentException(what + " of site " + other + " listed under site "
          + site);
    }
  }
}
