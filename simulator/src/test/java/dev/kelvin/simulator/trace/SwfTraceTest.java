package dev.kelvin.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SwfTraceTest {
  private static final long DAY_S = 86_400;

  private static SwfTrace trace(long... submitSeconds) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < submitSeconds.length; i++) {
      text.append(i + 1).append(' ').append(submitSeconds[i])
          .append(" 0 3600 4 -1 -1 4 7200 -1 1 1 1 -1 -1 -1 -1 -1\n");
    }
    return SwfReader.read(new BufferedReader(new StringReader(text.toString())), "t.swf");
  }

  @Test
  void a_slice_keeps_the_jobs_submitted_in_it_and_starts_them_at_second_zero()
      throws IOException {
    SwfTrace trace = trace(10, DAY_S - 1, DAY_S, DAY_S + 50, 2 * DAY_S, 3 * DAY_S);

    SwfTrace slice = trace.slice(Duration.ofDays(1), Duration.ofDays(1));

    assertThat(slice.jobs()).extracting(SwfJob::jobNumber).containsExactly(3L, 4L);
    assertThat(slice.jobs()).extracting(SwfJob::submitSeconds).containsExactly(0L, 50L);
    assertThat(slice.jobs().get(0).runSeconds()).isEqualTo(3600);
  }

  @Test
  void scaling_the_load_by_two_halves_every_submit_time_and_keeps_the_jobs()
      throws IOException {
    SwfTrace scaled = trace(0, 100, 301).scaleLoad(2);

    assertThat(scaled.jobs()).extracting(SwfJob::submitSeconds).containsExactly(0L, 50L, 150L);
    assertThat(scaled.jobs()).extracting(SwfJob::runSeconds).containsOnly(3600L);
  }

  @Test
  void a_zero_or_negative_scale_or_an_empty_slice_is_refused() throws IOException {
    SwfTrace trace = trace(0);

    assertThatThrownBy(() -> trace.scaleLoad(0)).hasMessageContaining("positive");
    assertThatThrownBy(() -> trace.scaleLoad(Double.NaN)).hasMessageContaining("positive");
    assertThatThrownBy(() -> trace.slice(Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("length positive");
  }
}
