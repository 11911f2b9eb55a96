package dev.kelvin.app.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.agent.NodeAgent;
import dev.kelvin.agent.lease.Lease;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.dashboard.Health;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.RulePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller assembly with a real audit file, in virtual time over the demo's site and
 * agents: nothing is carried out, and no lease renewed, while the file cannot be written;
 * {@code /health} and {@code /metrics} say so; and both recover by themselves once the file can
 * be written again. Writes are made to fail the way an operator meets it, by the path: it is
 * pointed at {@code /dev/full} (every write: "no space left on device") and then restored.
 */
class AuditFailClosedVirtualTimeTest {
  private static final long SEED = 42;
  private static final Path DEV_FULL = Path.of("/dev/full");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RulePolicy rules;

  @TempDir
  Path dir;

  private Path file;
  private Path aside;

  @BeforeAll
  static void compileRules() {
    rules = RulePolicy.load(PolicySettings.defaults(), new ActionIds(VirtualSite.START));
  }

  @BeforeEach
  void paths() {
    assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full");
    file = dir.resolve("audit.jsonl");
    aside = dir.resolve("audit.jsonl.aside");
  }

  @Test
  void with_an_unwritable_audit_file_no_node_is_capped_health_is_down_and_all_recovers_after()
      throws IOException {
    try (VirtualSite site = new VirtualSite(rules, SEED, Optional.of(file))) {
      breakAuditFile();
      boolean[] everCapped = {false};

      site.runUntil(() -> {
        everCapped[0] |= !leases(site).isEmpty();
        return false;
      }, Duration.ofMinutes(5));

      assertThat(everCapped[0]).as("no node capped while its record cannot be written")
          .isFalse();
      assertThat(site.controller.executor().stats().sent()).isZero();
      assertThat(site.controller.audit().count(AuditStage.APPROVED)
          + site.controller.audit().count(AuditStage.REJECTED))
          .as("the thermal rule did want to act").isPositive();
      Health.Component audit = site.controller.health().components().get("audit");
      assertThat(site.controller.health().status()).isEqualTo(Health.Status.DOWN);
      assertThat(audit.status()).isEqualTo(Health.Status.DOWN);
      assertThat(audit.detail()).contains(file.toString()).contains("No space left on device");
      assertThat(metric(site, "kelvin.audit.writing")).isZero();
      assertThat(metric(site, "kelvin.audit.records.unwritten")).isPositive();
      double failing = metric(site, "kelvin.audit.write.failures");
      site.scheduler.advanceBy(Duration.ofSeconds(10));
      assertThat(metric(site, "kelvin.audit.write.failures")).as("retried every tick")
          .isGreaterThanOrEqualTo(failing + 10);

      restoreAuditFile();

      assertThat(site.runUntil(() -> site.controller.audit().count(AuditStage.APPLIED) > 0,
          Duration.ofMinutes(5))).as("a cap applied once the file takes records").isTrue();
      assertThat(site.controller.health().components().get("audit").status())
          .isEqualTo(Health.Status.UP);
      assertThat(metric(site, "kelvin.audit.writing")).isEqualTo(1);
      double settled = metric(site, "kelvin.audit.records.unwritten");
      double failures = metric(site, "kelvin.audit.write.failures");
      site.scheduler.advanceBy(Duration.ofMinutes(1));
      assertThat(metric(site, "kelvin.audit.records.unwritten")).isEqualTo(settled);
      assertThat(metric(site, "kelvin.audit.write.failures")).isEqualTo(failures);
      assertThat(seqsInFile()).as("every record kept in memory reached the file, in order")
          .isEqualTo(site.controller.audit().recent(10_000).stream().map(AuditRecord::seq)
              .toList());
    }
  }

  @Test
  void renewals_stop_while_the_audit_file_cannot_be_written_and_the_cap_lapses_audited()
      throws IOException {
    try (VirtualSite site = new VirtualSite(rules, SEED, Optional.of(file))) {
      assertThat(site.runUntil(() -> !leases(site).isEmpty(), Duration.ofMinutes(5))).isTrue();
      Set<String> held = leases(site);
      long renewed = site.controller.audit().count(AuditStage.RENEWED);
      long sent = site.controller.executor().stats().sent();
      breakAuditFile();

      assertThat(site.runUntil(() -> leases(site).stream().noneMatch(held::contains),
          Duration.ofMinutes(4))).as("the caps held at the break lapse on their nodes").isTrue();

      assertThat(site.controller.audit().count(AuditStage.RENEWED)).isEqualTo(renewed);
      assertThat(site.controller.executor().stats().sent())
          .as("nothing sent after the break").isEqualTo(sent);
      restoreAuditFile();
      site.scheduler.advanceBy(Duration.ofSeconds(2));
      List<JsonNode> lapsed = linesInFile(AuditStage.LAPSED);
      assertThat(lapsed).extracting(line -> line.get("id").asText()).containsAll(held);
      assertThat(lapsed).allSatisfy(line -> assertThat(line.get("detail").asText())
          .contains("renewals were withheld: the audit log could not be written"));
    }
  }

  @Test
  void a_held_cap_dropped_because_its_node_went_stale_leaves_an_audit_record()
      throws IOException {
    try (VirtualSite site = new VirtualSite(rules, SEED, Optional.of(file))) {
      assertThat(site.runUntil(() -> !leases(site).isEmpty(), Duration.ofMinutes(5))).isTrue();
      NodeAgent capped = site.site.agents().stream().filter(a -> !a.leases().isEmpty())
          .findFirst().orElseThrow();
      String capId = capped.leases().get(0).commandId();
      NodeId node = capped.node();

      capped.close();
      site.scheduler.advanceBy(Duration.ofSeconds(15));

      List<JsonNode> lapsed = linesInFile(AuditStage.LAPSED);
      assertThat(lapsed).anySatisfy(line -> {
        assertThat(line.get("id").asText()).isEqualTo(capId);
        assertThat(line.get("detail").asText()).contains("(node_stale): no fresh telemetry from "
            + node);
      });
      assertThat(metric(site, "kelvin.setpoints.lapsed", "reason", "node_stale"))
          .isGreaterThanOrEqualTo(1);
    }
  }

  private void breakAuditFile() throws IOException {
    Files.move(file, aside);
    Files.createSymbolicLink(file, DEV_FULL);
  }

  private void restoreAuditFile() throws IOException {
    Files.delete(file);
    Files.move(aside, file);
  }

  private static Set<String> leases(VirtualSite site) {
    return site.site.agents().stream().flatMap(agent -> agent.leases().stream())
        .map(Lease::commandId).collect(Collectors.toSet());
  }

  private static double metric(VirtualSite site, String name, String... tags) {
    var search = site.controller.metrics().registry().find(name).tags(tags);
    return search.meters().stream().findFirst().orElseThrow(() ->
        new AssertionError("no metric " + name)).measure().iterator().next().getValue();
  }

  private List<Long> seqsInFile() throws IOException {
    List<Long> seqs = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      seqs.add(JSON.readTree(line).get("seq").asLong());
    }
    return seqs;
  }

  private List<JsonNode> linesInFile(AuditStage stage) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode node = JSON.readTree(line);
      if (node.get("stage").asText().equals(stage.label())) {
        lines.add(node);
      }
    }
    return lines;
  }
}
