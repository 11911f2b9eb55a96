package dev.kelvin.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.model.SiteView;
import dev.kelvin.policy.CarbonSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** A day of a site's grid readings as the next day's outlook, in virtual time. */
class GridOutlookTest {
  static final SiteId SITE = SiteId.of("site-a");
  static final Instant MIDNIGHT = Instant.parse("2026-06-01T00:00:00Z");
  private static final CarbonSettings SETTINGS = CarbonSettings.defaults();
  private static final double HOUR_S = 3600;

  private final GridOutlook outlook = new GridOutlook();

  /** The grid at {@code at}: 200 g/kWh from 09:00 to 15:00 (sun), 500 otherwise. */
  static double solarCarbon(Instant at) {
    int hour = at.atZone(java.time.ZoneOffset.UTC).getHour();
    return hour >= 9 && hour < 15 ? 200 : 500;
  }

  /** A snapshot of the one site at {@code at} with a grid carbon and price reading. */
  static ClusterSnapshot grid(Instant at, double gramsPerKwh, double pricePerKwh) {
    List<FacilityReading> readings = new ArrayList<>();
    readings.add(new FacilityReading(new SensorId("grid"), SITE, at,
        FacilityKind.GRID_CARBON_G_PER_KWH, gramsPerKwh));
    if (!Double.isNaN(pricePerKwh)) {
      readings.add(new FacilityReading(new SensorId("tariff"), SITE, at,
          FacilityKind.GRID_PRICE_PER_KWH, pricePerKwh));
    }
    SiteView site = new SiteView(SITE, new TreeSet<>(), List.of(), readings, List.of());
    return new ClusterSnapshot(at, new TreeMap<>(), new TreeMap<>(Map.of(SITE, site)),
        new TreeMap<>());
  }

  /**
   * Ticks every 10 minutes from the first midnight for {@code hours}, the grid as {@link
   * #solarCarbon} at {@code pricePerKwh}, skipping the minutes {@code recordedMinute} refuses.
   */
  private GridOutlookFact feed(double hours, IntPredicate recordedMinute, double pricePerKwh) {
    GridOutlookFact last = null;
    for (int minute = 0; minute < hours * 60; minute += 10) {
      if (recordedMinute.test(minute)) {
        Instant at = MIDNIGHT.plus(Duration.ofMinutes(minute));
        last = outlook.update(grid(at, solarCarbon(at), pricePerKwh), SETTINGS).get(0);
      }
    }
    return last;
  }

  /** The outlook at {@code hours} after the first midnight, the grid as {@link #solarCarbon}. */
  private GridOutlookFact at(double hours) {
    Instant at = MIDNIGHT.plusSeconds(Math.round(hours * HOUR_S));
    return outlook.update(grid(at, solarCarbon(at), 0.1), SETTINGS).get(0);
  }

  @Test
  void knows_nothing_before_half_a_day_of_readings() {
    GridOutlookFact fact = feed(11.5, minute -> true, 0.1);

    assertThat(fact.known()).isFalse();
    assertThat(fact.cleanInSeconds(12 * HOUR_S)).isNaN();
    at(11.5);
    assertThat(at(11 + 40 / 60.0).known()).as("71 of 144 slots").isFalse();
    assertThat(at(11 + 50 / 60.0).known()).as("72 of 144 slots").isTrue();
  }

  @Test
  void expects_the_clean_hours_of_today_again_tomorrow() {
    feed(44, minute -> true, 0.1);

    GridOutlookFact evening = at(44); // 20:00 on the second day
    assertThat(evening.cleanInSeconds(14 * HOUR_S)).as("09:00 is 13 h ahead")
        .isEqualTo(13 * HOUR_S);
    assertThat(evening.cleanInSeconds(13 * HOUR_S)).isEqualTo(13 * HOUR_S);
    assertThat(evening.cleanInSeconds(12.9 * HOUR_S)).as("none before 08:54")
        .isInfinite();
    assertThat(evening.cleanInSeconds(30 * HOUR_S)).isEqualTo(13 * HOUR_S);
  }

  @Test
  void expects_none_where_no_ten_minutes_of_the_day_were_clean() {
    feed(44, minute -> minute % (24 * 60) < 9 * 60 || minute % (24 * 60) >= 15 * 60, 0.1);
    // only the dirty hours were recorded: they are held, the clean ones count as dirty

    assertThat(at(44).known()).isTrue();
    assertThat(at(44).cleanInSeconds(72 * HOUR_S)).isInfinite();
  }

  @Test
  void counts_from_the_start_of_the_next_ten_minutes() {
    feed(44, minute -> true, 0.1);

    GridOutlookFact fact = at(44 + 0.1); // 20:06
    assertThat(fact.cleanInSeconds(14 * HOUR_S)).isEqualTo(13 * HOUR_S - 360);
  }

  @Test
  void a_dear_grid_is_no_better_than_a_dirty_one() {
    feed(44, minute -> true, 0.5);

    assertThat(at(44).cleanInSeconds(14 * HOUR_S)).isInfinite();
  }

  @Test
  void ten_minutes_without_a_reading_count_as_dirty() {
    feed(44, minute -> minute < 33 * 60 || minute >= 34 * 60, 0.1);

    assertThat(at(44).cleanInSeconds(14 * HOUR_S))
        .as("09:00-10:00 unrecorded the day before, so 10:00").isEqualTo(14 * HOUR_S);
  }

  @Test
  void keeps_the_dirtiest_reading_of_ten_minutes() {
    feed(33, minute -> true, 0.1);
    Instant nine = MIDNIGHT.plus(Duration.ofHours(33)); // 09:00 on day two
    outlook.update(grid(nine, 200, 0.1), SETTINGS);
    outlook.update(grid(nine.plusSeconds(120), 480, 0.1), SETTINGS);
    outlook.update(grid(nine.plusSeconds(300), 200, 0.1), SETTINGS);
    for (int minute = 10; minute < 23 * 60; minute += 10) {
      at(33 + minute / 60.0);
    }

    GridOutlookFact nextMorning = at(56); // 08:00 on day three
    assertThat(nextMorning.cleanInSeconds(3 * HOUR_S))
        .as("09:00-09:10 was dirty once, so 09:10").isEqualTo(HOUR_S + 600);
  }

  @Test
  void forgets_a_site_that_leaves_the_snapshot() {
    feed(24, minute -> true, 0.1);
    assertThat(at(24).known()).isTrue();
    SiteView other = new SiteView(SiteId.of("site-b"), new TreeSet<>(), List.of(), List.of(),
        List.of());
    Instant at = MIDNIGHT.plus(Duration.ofHours(24));
    outlook.update(new ClusterSnapshot(at, new TreeMap<>(),
        new TreeMap<>(Map.of(other.id(), other)), new TreeMap<>()), SETTINGS);

    assertThat(at(24.1).known()).isFalse();
  }
}
