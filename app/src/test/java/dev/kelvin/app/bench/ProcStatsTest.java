package dev.kelvin.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Reading a process's memory and CPU time from the texts Linux's /proc gives. */
class ProcStatsTest {
  private static final String STATUS = """
      Name:\tjava
      Umask:\t0022
      State:\tS (sleeping)
      Pid:\t4242
      VmPeak:\t 2741120 kB
      VmSize:\t 2675584 kB
      VmHWM:\t   51200 kB
      VmRSS:\t   40960 kB
      RssAnon:\t   28672 kB
      Threads:\t17
      """;

  @Test
  void reads_resident_memory_and_its_peak_in_bytes_from_status() {
    ProcStats.Memory memory = ProcStats.parseStatus(STATUS);

    assertThat(memory.rssBytes()).isEqualTo(40_960L * 1024);
    assertThat(memory.peakRssBytes()).isEqualTo(51_200L * 1024);
  }

  @Test
  void adds_user_and_system_ticks_from_stat() {
    String stat = "4242 (java) S 1 4242 4242 0 -1 4194560 9000 0 3 0 1234 567 0 0 20 0 17 0"
        + " 415587 2739748864 10240 18446744073709551615 1 1 0 0 0 0 0 0 16800975 0 0 0 17 1"
        + " 0 0 0 0 0";

    assertThat(ProcStats.parseCpuTicks(stat)).isEqualTo(1234 + 567);
  }

  @Test
  void counts_fields_after_a_process_name_with_spaces_and_parentheses() {
    String stat = "4242 (my (odd) name ) 1 2) S 1 4242 4242 0 -1 4194560 9000 0 3 0 70 30 0 0"
        + " 20 0 17 0 415587 2739748864 10240 18446744073709551615 1 1 0 0 0 0 0 0";

    assertThat(ProcStats.parseCpuTicks(stat)).isEqualTo(100);
  }

  @Test
  void refuses_a_status_text_without_resident_memory() {
    assertThatThrownBy(() -> ProcStats.parseStatus("Name:\tkthreadd\nState:\tS (sleeping)\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VmRSS");
  }

  @Test
  void refuses_a_stat_line_cut_short() {
    assertThatThrownBy(() -> ProcStats.parseCpuTicks("4242 (java) S 1 4242"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too few for utime and stime");
  }

  @Test
  void reads_this_very_process_when_linux_proc_is_there() {
    assumeTrue(ProcStats.available(), "Linux /proc");
    ProcStats self = ProcStats.of(ProcessHandle.current().pid());

    ProcStats.Memory memory = self.memory();
    assertThat(memory.rssBytes()).isPositive();
    assertThat(memory.peakRssBytes()).isGreaterThanOrEqualTo(memory.rssBytes());
    assertThat(self.cpuTime()).isPositive();
  }
}
