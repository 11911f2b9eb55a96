package dev.kelvin.telemetry.decode.telegraf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineProtocolTest {
  /** A nanosecond timestamp, with its leading space. */
  private static final String T = " 1606494744000000000";
  private final LineProtocol parser = new LineProtocol(Precision.NANOSECONDS, 1_000, 50);

  private Line one(String text) {
    LineProtocol.Parsed parsed = parser.parse(text);
    assertThat(parsed.refused()).isEmpty();
    assertThat(parsed.lines()).hasSize(1);
    return parsed.lines().get(0);
  }

  private ValidationException refusal(String text) {
    LineProtocol.Parsed parsed = parser.parse(text);
    assertThat(parsed.lines()).isEmpty();
    assertThat(parsed.refused()).hasSize(1);
    return parsed.refused().get(0);
  }

  @Test
  void reads_measurement_tags_fields_and_nanosecond_timestamp() {
    Line line = one("weather,location=us-midwest,season=summer temperature=82,humidity=71i"
        + " 1465839830100400200");

    assertThat(line.number()).isEqualTo(1);
    assertThat(line.measurement()).isEqualTo("weather");
    assertThat(line.tags()).containsEntry("location", "us-midwest")
        .containsEntry("season", "summer").hasSize(2);
    assertThat(line.fields().keySet()).containsExactly("temperature", "humidity");
    assertThat(line.fields().get("temperature").type()).isEqualTo(Field.Type.FLOAT);
    assertThat(line.fields().get("temperature").number()).isEqualTo(82.0);
    assertThat(line.fields().get("humidity").type()).isEqualTo(Field.Type.INTEGER);
    assertThat(line.fields().get("humidity").number()).isEqualTo(71.0);
    assertThat(line.timestamp()).isEqualTo(Instant.parse("2016-06-13T17:43:50.100400200Z"));
  }

  @Test
  void a_line_without_timestamp_and_tags_has_neither() {
    Line line = one("mem used_percent=15.95");

    assertThat(line.tags()).isEmpty();
    assertThat(line.at()).isEmpty();
  }

  @Test
  void every_field_type_is_read_with_its_value() {
    Line line = one("m f=-1.5e3,g=.25,i=-42i,u=18446744073709551615u,b=t,c=FALSE,s=\"a b\"" + T);

    assertThat(line.fields().get("f").number()).isEqualTo(-1500.0);
    assertThat(line.fields().get("g").number()).isEqualTo(0.25);
    assertThat(line.fields().get("i").number()).isEqualTo(-42.0);
    assertThat(line.fields().get("u").type()).isEqualTo(Field.Type.UNSIGNED);
    assertThat(line.fields().get("u").number()).isEqualTo(1.8446744073709552e19);
    assertThat(line.fields().get("b").number()).isEqualTo(1.0);
    assertThat(line.fields().get("b").type()).isEqualTo(Field.Type.BOOLEAN);
    assertThat(line.fields().get("c").number()).isEqualTo(0.0);
    assertThat(line.fields().get("s").text()).isEqualTo("a b");
  }

  @Test
  void escaped_commas_spaces_and_equals_signs_are_part_of_names_and_values() {
    Line line = one("disk\\ io\\,x,path=C:\\Program\\ Files,k\\=ey=v\\,1 field\\ key=1" + T);

    assertThat(line.measurement()).isEqualTo("disk io,x");
    assertThat(line.tags()).containsEntry("path", "C:\\Program Files")
        .containsEntry("k=ey", "v,1");
    assertThat(line.fields()).containsKey("field key");
  }

  @Test
  void a_string_field_keeps_escaped_quotes_and_backslashes_and_literal_separators() {
    Line line = one("log msg=\"say \\\"hi\\\", a=b \\\\ c\\d\"" + T);

    assertThat(line.fields().get("msg").text()).isEqualTo("say \"hi\", a=b \\ c\\d");
  }

  @Test
  void telegrafs_escaped_tag_values_read_back_as_the_plugin_gave_them() {
    Line line = one(TelegrafLines.NVIDIA_SMI_README.lines().findFirst().orElseThrow());

    assertThat(line.tags()).containsEntry("name", "GeForce GTX 1070")
        .containsEntry("index", "0").containsEntry("host", "8218cf");
    assertThat(line.fields()).hasSize(7);
  }

  @Test
  void comments_blank_lines_and_carriage_returns_are_skipped_and_lines_keep_their_numbers() {
    LineProtocol.Parsed parsed = parser.parse("# a comment\r\n\n   \ncpu usage_idle=1" + T + "\r\n"
        + "  mem used_percent=2" + T + "\n");

    assertThat(parsed.refused()).isEmpty();
    assertThat(parsed.lines()).extracting(Line::number).containsExactly(4, 5);
    assertThat(parsed.lines()).extracting(Line::measurement).containsExactly("cpu", "mem");
  }

  @Test
  void a_field_given_twice_keeps_its_last_value() {
    assertThat(one("m a=1,a=2" + T).fields().get("a").number()).isEqualTo(2.0);
  }

  @Test
  void one_bad_line_among_good_ones_is_refused_with_its_number_and_the_others_are_kept() {
    LineProtocol.Parsed parsed = parser.parse("cpu usage_idle=1" + T + "\n"
        + "cpu,host=a b usage_idle=2" + T + "\n"
        + "cpu usage_idle=3" + T + "\n");

    assertThat(parsed.lines()).extracting(Line::number).containsExactly(1, 3);
    assertThat(parsed.refused()).singleElement().satisfies(refused -> {
      assertThat(refused.reason()).isEqualTo(RejectReason.MALFORMED);
      assertThat(refused.getMessage()).startsWith("line 2, column 12:")
          .contains("field 'b' has no '='").contains("unescaped space");
    });
  }

  @Test
  void a_backslash_that_ends_the_line_is_a_bad_escape() {
    ValidationException refused = refusal("cpu,host=a\\");

    assertThat(refused.reason()).isEqualTo(RejectReason.MALFORMED);
    assertThat(refused.getMessage()).startsWith("line 1, column 11:").contains("bad escape");
  }

  @Test
  void an_unescaped_equals_sign_in_a_tag_value_is_a_bad_escape() {
    ValidationException refused = refusal("cpu,host=a=b usage_idle=1" + T);

    assertThat(refused.getMessage()).startsWith("line 1, column 11:").contains("bad escape")
        .contains("\\=");
  }

  @Test
  void an_unterminated_string_is_refused_at_its_opening_quote() {
    ValidationException refused = refusal("nvidia_smi,index=0 driver_version=\"535.1 1");

    assertThat(refused.reason()).isEqualTo(RejectReason.MALFORMED);
    assertThat(refused.field()).isEqualTo("driver_version");
    assertThat(refused.getMessage()).startsWith("line 1, column 35:")
        .contains("unterminated string");
  }

  @Test
  void an_unescaped_quote_inside_a_string_is_named() {
    assertThat(refusal("m s=\"a\"b\"" + T).getMessage()).contains("unescaped '\"'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"m v=NaN 1", "m v=-Inf 1", "m v=+inf 1", "m v=1e999 1"})
  void nan_and_infinity_are_refused_as_not_finite(String text) {
    ValidationException refused = refusal(text);

    assertThat(refused.reason()).isEqualTo(RejectReason.NOT_FINITE);
    assertThat(refused.field()).isEqualTo("v");
    assertThat(refused.getMessage()).startsWith("line 1, column 5:");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "m v=12abc 1 | is not a float",
      "m v=1.5i 1 | is not a float",
      "m v=-3u 1 | is not a float",
      "m v= 1 | has no value",
      "m v=99999999999999999999i 1 | outside the signed 64-bit range",
      "m,=x v=1 1 | empty key",
      "m,t v=1 1 | has no '='",
      "m,t= v=1 1 | empty value",
      "m,t=1,t=2 v=1 1 | given twice",
      "m 1 | has no '='",
      "m | no field set",
      "m v=1, 1 | a field is missing",
      ",t=1 v=1 1 | no measurement",
      "m v=1 12x | not an integer",
      "m v=1 1 2 | after the timestamp"})
  void malformed_lines_are_refused_saying_what_is_wrong(String text, String problem) {
    assertThat(refusal(text).getMessage()).startsWith("line 1, column").contains(problem);
  }

  @Test
  void a_timestamp_in_seconds_where_nanoseconds_belong_is_refused_with_the_likely_precision() {
    ValidationException refused = refusal("mem,host=local used_percent=15.9 1574712869");

    assertThat(refused.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    assertThat(refused.field()).isEqualTo("timestamp");
    assertThat(refused.getMessage()).startsWith("line 1, column 34:")
        .contains("1970-01-01T00:00:01.574712869Z").contains("it looks like s;");
  }

  @Test
  void a_nanosecond_timestamp_read_as_seconds_is_refused_with_the_likely_precision() {
    LineProtocol seconds = new LineProtocol(Precision.SECONDS, 1_000, 50);

    ValidationException refused = seconds.parse("m v=1 1574712869000000000").refused().get(0);

    assertThat(refused.getMessage()).contains("beyond any date").contains("it looks like ns;");
  }

  @Test
  void timestamps_are_read_in_the_configured_precision() {
    LineProtocol millis = new LineProtocol(Precision.MILLISECONDS, 1_000, 50);

    Line line = millis.parse("m v=1 1574712869123").lines().get(0);

    assertThat(line.timestamp()).isEqualTo(Instant.parse("2019-11-25T20:14:29.123Z"));
  }

  @Test
  void a_line_over_the_length_limit_is_refused_unread_and_the_next_one_kept() {
    LineProtocol small = new LineProtocol(Precision.NANOSECONDS, 20, 50);

    LineProtocol.Parsed parsed = small.parse("m s=\"" + "x".repeat(30) + "\"\nm v=1");

    assertThat(parsed.lines()).extracting(Line::number).containsExactly(2);
    assertThat(parsed.refused().get(0).reason()).isEqualTo(RejectReason.TOO_LARGE);
    assertThat(parsed.refused().get(0).getMessage()).startsWith("line 1:")
        .contains("max_line_chars");
  }

  @Test
  void lines_past_the_line_limit_are_refused_together_with_their_count() {
    LineProtocol small = new LineProtocol(Precision.NANOSECONDS, 100, 2);

    LineProtocol.Parsed parsed = small.parse("m v=1\n# note\nm v=2\nm v=3\n\nm v=4\n");

    assertThat(parsed.lines()).hasSize(2);
    assertThat(parsed.refused()).singleElement().satisfies(refused -> {
      assertThat(refused.reason()).isEqualTo(RejectReason.TOO_LARGE);
      assertThat(refused.getMessage()).startsWith("2 lines from line 4 on refused")
          .contains("max_lines");
    });
  }

  @Test
  void an_empty_message_holds_nothing() {
    assertThat(parser.parse("").lines()).isEmpty();
    assertThat(parser.parse("\n\n").refused()).isEmpty();
  }

  @Test
  void many_bad_lines_are_each_refused_without_stopping_the_good_ones() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append(i % 2 == 0 ? "m v=1" + T + "\n" : "m v=\"x" + T + "\n");
    }

    LineProtocol.Parsed parsed = parser.parse(text.toString());

    assertThat(parsed.lines()).hasSize(20);
    assertThat(parsed.refused()).hasSize(20);
    assertThat(List.copyOf(parsed.refused())).allSatisfy(refused ->
        assertThat(refused.getMessage()).contains("unterminated string"));
  }
}
