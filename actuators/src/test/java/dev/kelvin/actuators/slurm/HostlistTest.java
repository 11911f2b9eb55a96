package dev.kelvin.actuators.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostlistTest {
  @Test
  void expands_ranges_and_single_numbers_in_one_bracket() {
    assertThat(Hostlist.expand("n[1-3,5]")).containsExactly("n1", "n2", "n3", "n5");
  }

  @Test
  void keeps_zero_padding() {
    assertThat(Hostlist.expand("gpu[08-10]")).containsExactly("gpu08", "gpu09", "gpu10");
  }

  @Test
  void expands_plain_names_and_lists_side_by_side() {
    assertThat(Hostlist.expand("login1,n[2,4],x")).containsExactly("login1", "n2", "n4", "x");
  }

  @Test
  void expands_every_bracket_of_a_name() {
    assertThat(Hostlist.expand("r[1-2]-n[1-2]")).containsExactly("r1-n1", "r1-n2", "r2-n1",
        "r2-n2");
  }

  @Test
  void gives_nothing_for_an_empty_list() {
    assertThat(Hostlist.expand("")).isEmpty();
  }

  @Test
  void refuses_unbalanced_brackets_and_ranges_that_are_not_numbers() {
    assertThatThrownBy(() -> Hostlist.expand("n[1-3")).hasMessageContaining("unbalanced");
    assertThatThrownBy(() -> Hostlist.expand("n[a-c]")).hasMessageContaining("'a-c'")
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> Hostlist.expand("n[5-1]")).hasMessageContaining("backwards");
  }
}
