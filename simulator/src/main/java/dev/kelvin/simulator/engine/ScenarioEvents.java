package dev.kelvin.simulator.engine;

import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.simulator.scenario.ScenarioEvent;
import dev.kelvin.simulator.scenario.ScenarioSite;
import java.time.Duration;
import java.util.List;

/**
 * Plays the scenario's events on the sites: each starts at its time and ends after its
 * duration. A utility power loss raises its alarm and puts the site on its UPS; one that
 * outlasts the UPS runtime darkens the site until the grid returns. A cooling failure warms
 * the supply air and stops the cooling plant. A fire or flood alarm shuts the site down after
 * the evacuation delay, until the event ends. A network partition cuts the site off from the
 * controller.
 */
final class ScenarioEvents {
  private final SimTime time;
  private final SiteConditions sites;
  private final List<ScenarioSite> siteList;

  ScenarioEvents(SimTime time, SiteConditions sites, List<ScenarioSite> siteList) {
    this.time = time;
    this.sites = sites;
    this.siteList = siteList;
  }

  void schedule(List<ScenarioEvent> events) {
    for (ScenarioEvent event : events) {
      int site = indexOf(event.site());
      double startS = seconds(event.at());
      double endS = startS + seconds(event.duration());
      time.at(event.kind() + " starts", startS, () -> start(event, site, endS));
    }
  }

  private void start(ScenarioEvent event, int site, double endS) {
    switch (event.kind()) {
      case UTILITY_POWER_LOSS -> {
        sites.raise(site, FacilityKind.UTILITY_POWER_LOSS);
        sites.batteryOn(site, true);
        double upsS = seconds(siteList.get(site).upsRuntime());
        boolean outlasts = upsS < endS - time.nowS();
        if (outlasts) {
          time.at("UPS exhausted", time.nowS() + upsS, () -> sites.darken(site));
        }
        time.at("utility power back", endS, () -> {
          sites.clear(site, FacilityKind.UTILITY_POWER_LOSS);
          sites.batteryOn(site, false);
          if (outlasts) {
            sites.relight(site);
          }
        });
      }
      case COOLING_FAILURE -> {
        sites.raise(site, FacilityKind.ALARM_COOLING_FAILURE);
        sites.cooling(site, true, event.supplyRiseK());
        time.at("cooling restored", endS, () -> {
          sites.clear(site, FacilityKind.ALARM_COOLING_FAILURE);
          sites.cooling(site, false, 0);
        });
      }
      case FIRE -> shutdownAlarm(event, site, endS, FacilityKind.ALARM_FIRE);
      case FLOOD -> shutdownAlarm(event, site, endS, FacilityKind.ALARM_FLOOD);
      case NETWORK_PARTITION -> {
        sites.partition(site, true);
        time.at("network healed", endS, () -> sites.partition(site, false));
      }
      default -> throw new AssertionError(event.kind());
    }
  }

  private void shutdownAlarm(ScenarioEvent event, int site, double endS, FacilityKind kind) {
    sites.raise(site, kind);
    double shutdownS = time.nowS() + seconds(event.shutdownAfter());
    boolean shutsDown = shutdownS < endS;
    if (shutsDown) {
      time.at(kind + " shutdown", shutdownS, () -> sites.darken(site));
    }
    time.at(kind + " over", endS, () -> {
      sites.clear(site, kind);
      if (shutsDown) {
        sites.relight(site);
      }
    });
  }

  private int indexOf(String site) {
    for (int s = 0; s < siteList.size(); s++) {
      if (siteList.get(s).name().equals(site)) {
        return s;
      }
    }
    throw new IllegalArgumentException("events: no site " + site);
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
