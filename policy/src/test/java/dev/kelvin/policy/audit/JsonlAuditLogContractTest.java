package dev.kelvin.policy.audit;

import dev.kelvin.core.port.AuditLog;
import dev.kelvin.core.testkit.AuditLogContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class JsonlAuditLogContractTest extends AuditLogContract {
  @TempDir
  Path dir;

  private final List<JsonlAuditLog> opened = new ArrayList<>();

  @Override
  protected AuditLog newLog() {
    JsonlAuditLog log = JsonlAuditLog.open(dir.resolve("audit-" + opened.size() + ".jsonl"), 100);
    opened.add(log);
    return log;
  }

  @AfterEach
  void closeLogs() {
    opened.forEach(JsonlAuditLog::close);
  }
}
