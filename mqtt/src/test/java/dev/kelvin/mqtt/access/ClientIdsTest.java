package dev.kelvin.mqtt.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Client ids derived from the login, and the check a broker makes of them. */
class ClientIdsTest {
  @Test
  void a_client_id_is_the_username_a_colon_and_the_session() {
    assertThat(ClientIds.of(Optional.of("kelvin-controller"), "ingest"))
        .isEqualTo("kelvin-controller:ingest");
  }

  @Test
  void without_a_login_the_client_id_starts_with_kelvin() {
    assertThat(ClientIds.of(Optional.empty(), "commands")).isEqualTo("kelvin:commands");
  }

  @Test
  void a_client_id_belongs_only_to_the_username_it_starts_with() {
    assertThat(ClientIds.belongsTo("agent-n01:agent", "agent-n01")).isTrue();
    assertThat(ClientIds.belongsTo("agent-n01:agent", "agent-n0")).isFalse();
    assertThat(ClientIds.belongsTo("agent-n01", "agent-n01")).isFalse();
    assertThat(ClientIds.belongsTo("agent-n01:", "agent-n01")).isFalse();
    assertThat(ClientIds.belongsTo("kelvin-controller:ingest", "agent-n01")).isFalse();
  }

  @Test
  void a_username_with_a_colon_or_white_space_is_refused_with_the_reason() {
    assertThatThrownBy(() -> ClientIds.of(Optional.of("a:b"), "ingest"))
        .hasMessageContaining("'a:b'").hasMessageContaining("<username>:<session>");
    assertThat(ClientIds.validUsername("a b")).isFalse();
    assertThat(ClientIds.validUsername("")).isFalse();
    assertThat(ClientIds.belongsTo("a:b:x", "a:b")).isFalse();
  }

  @Test
  void a_session_name_outside_the_safe_characters_is_refused() {
    assertThatThrownBy(() -> ClientIds.of(Optional.empty(), "in gest"))
        .hasMessageContaining("'in gest'");
  }
}
