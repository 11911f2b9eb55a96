package dev.kelvin.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
  /** The rule as the documentation writes it. */
  private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  @ParameterizedTest
  @ValueSource(strings = {"n07", "site-a", "r1.b_2", "A", "0"})
  void accepts_names_of_letters_digits_dots_underscores_and_dashes(String name) {
    assertThat(Names.require("node", name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-n07", ".a", "_a", "n 07", "a/b", "a+b", "a#", "é", "a\n"})
  void refuses_anything_else_naming_the_field(String name) {
    assertThatThrownBy(() -> Names.require("node", name))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("node '");
  }

  @Test
  void a_name_is_at_most_64_characters() {
    assertThat(Names.valid("a".repeat(64))).isTrue();
    assertThat(Names.valid("a".repeat(65))).isFalse();
  }

  @Test
  void agrees_with_the_documented_rule_on_random_strings() {
    Random random = new Random(7);
    String alphabet = "aZ09._-/ +#é\t";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder name = new StringBuilder();
      int length = random.nextInt(70);
      for (int j = 0; j < length; j++) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = name.toString();
      assertThat(Names.valid(text)).as(text).isEqualTo(RULE.matcher(text).matches());
    }
  }
}
