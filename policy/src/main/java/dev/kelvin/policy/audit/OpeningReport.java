package dev.kelvin.policy.audit;

import dev.kelvin.policy.audit.ChainReport.ChainBreak;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says what opening an audit file found: the records read back and the unreadable lines
 * skipped (a torn last line from a crash among them), and whether its hash chain holds. A
 * broken chain is an ERROR that names the file and the line; the file is left as it is (the
 * evidence is never "repaired") and new records chain on from its last line.
 */
final class OpeningReport {
  private static final Logger LOG = LoggerFactory.getLogger(JsonlAuditLog.class);

  private OpeningReport() {}

  static void log(Path file, AuditRecovery.Result recovery, ChainReport chain) {
    if (recovery.unreadableLines() > 0 || !recovery.problems().isEmpty()) {
      LOG.warn("audit log {}: {} unreadable lines skipped, numbering continues after seq {}:\n  {}",
          file, recovery.unreadableLines(), recovery.lastSeq(),
          String.join("\n  ", recovery.problems()));
    } else if (recovery.lastSeq() > 0) {
      LOG.info("audit log {}: {} records found, numbering continues after seq {}", file,
          recovery.readableLines(), recovery.lastSeq());
    }
    logChain(file, chain);
  }

  private static void logChain(Path file, ChainReport chain) {
    if (chain.breakCount() > 0) {
      LOG.error("audit log {}: the hash chain breaks at {} place(s); first at line {}: {}."
          + " The file may have been changed by hand: it is kept as it is, and new records"
          + " chain on from its last line (hash {}). Every place: kelvin audit verify {}",
          file, chain.breakCount(), chain.firstBreak().map(ChainBreak::line).orElse(0L),
          chain.firstBreak().map(ChainBreak::why).orElse(""), chain.lastHash(), file);
    } else if (chain.records() > 0) {
      LOG.info("audit log {}: hash chain intact over {} sealed records, last hash {}", file,
          chain.sealedRecords(), chain.lastHash());
    }
    if (chain.unsealedRecords() > 0) {
      LOG.info("audit log {}: its first {} records were written before audit files were"
          + " chained; nothing protects them", file, chain.unsealedRecords());
    }
    for (ChainBreak torn : chain.tornLines()) {
      LOG.info("audit log {}: line {} was cut short by a crash ({}); the chain continues"
          + " across it", file, torn.line(), torn.why());
    }
  }
}
