package dev.kelvin.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.port.AuditLog;
import dev.kelvin.core.testkit.AuditLogContract;
import org.junit.jupiter.api.Test;

class InMemoryAuditLogTest extends AuditLogContract {

  @Override
  protected AuditLog newLog() {
    return new InMemoryAuditLog(100);
  }

  @Test
  void forgets_the_oldest_records_beyond_capacity_but_keeps_numbering() {
    InMemoryAuditLog log = new InMemoryAuditLog(2);
    log.append(event("one"));
    log.append(event("two"));
    log.append(event("three"));
    assertThat(log.recent(10)).extracting(AuditRecord::seq).containsExactly(2L, 3L);
    assertThat(log.lastSeq()).isEqualTo(3);
  }
}
