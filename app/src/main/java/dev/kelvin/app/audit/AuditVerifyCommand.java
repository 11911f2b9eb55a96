package dev.kelvin.app.audit;

import dev.kelvin.app.StartupException;
import dev.kelvin.policy.audit.AuditVerifier;
import dev.kelvin.policy.audit.ChainReport;
import dev.kelvin.policy.audit.ChainReport.ChainBreak;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin audit verify FILE [FILE...]}: follows the hash chain of the files, in the order
 * given, as one chain (a file moved away while Kelvin wrote comes before the one that
 * replaced it), streaming. Prints {@code OK} with the record count and the last hash, exit 0;
 * or {@code BROKEN} with each place where the chain breaks, file, line and why, or
 * {@code INCOMPLETE} when the last line is not a whole record, exit 1.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Checks the hash chain of audit files and says where it breaks"
        + " (exit 0: intact, 1: broken or incomplete, or unreadable).")
public final class AuditVerifyCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "Audit files (JSON lines), oldest first: they are checked as one chain.")
  private List<Path> files;

  @Override
  public Integer call() {
    ChainReport report;
    try {
      report = AuditVerifier.verify(files);
    } catch (IOException e) {
      throw new StartupException("cannot read the audit file: " + e
          + " (does it exist, and may this user read it?)");
    }
    PrintWriter out = spec.commandLine().getOut();
    for (ChainBreak torn : report.tornLines()) {
      out.println("note: " + torn.describe());
    }
    for (ChainBreak at : report.breaks()) {
      out.println("BROKEN " + at.describe());
    }
    report.tornTail().ifPresent(tail -> out.println("INCOMPLETE " + tail.describe()));
    out.println(summary(report));
    return report.intact() ? 0 : 1;
  }

  private static String summary(ChainReport report) {
    String counts = report.records() + " records" + (report.unsealedRecords() == 0 ? ""
        : " (the first " + report.unsealedRecords() + " written before the chain, unprotected)")
        + ", last seq " + report.lastSeq() + ", last hash " + report.lastHash();
    if (report.intact()) {
      return "OK " + counts;
    }
    String places = report.breakCount() == 0 ? ""
        : report.breakCount() + " place(s) where the chain breaks"
            + (report.breakCount() > report.breaks().size()
                ? " (the first " + report.breaks().size() + " listed)" : "") + "; ";
    return "NOT OK: " + places + counts;
  }
}
