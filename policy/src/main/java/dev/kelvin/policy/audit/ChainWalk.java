package dev.kelvin.policy.audit;

import dev.kelvin.policy.audit.ChainReport.ChainBreak;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows the hash chain line by line, across files given in order, and says where it breaks.
 * A sealed line is checked three ways: its hash against its content (a changed line), its
 * {@code prev} against the hash of the line before it (a line deleted, inserted or moved), and
 * its seq against the one before it. An unreadable line is a torn write only when the next
 * sealed line continues the chain across it; at the end of the last file it is a torn tail.
 */
final class ChainWalk implements AuditLines.Consumer {
  private final AuditChain chain = new AuditChain();
  private final AuditJson json = new AuditJson();
  private final List<ChainBreak> breaks = new ArrayList<>();
  private final List<ChainBreak> torn = new ArrayList<>();
  private Path file;
  private String lastHash = AuditChain.GENESIS;
  private long lastSeq;
  private long lastLine;
  private boolean sealedSeen;
  private long sealed;
  private long unsealed;
  private long breakCount;
  private ChainBreak pending;

  /** The lines that follow come from {@code next}. */
  void file(Path next) {
    file = next;
    lastLine = 0;
  }

  @Override
  public void line(long number, byte[] bytes, int length, boolean overlong) {
    Optional<AuditChain.Sealed> line = overlong ? Optional.empty() : chain.open(bytes, length);
    if (line.isPresent()) {
      sealed(number, line.get());
    } else if (overlong) {
      unreadable(number, "not a record (longer than " + AuditLines.MAX_LINE_BYTES + " bytes)");
    } else {
      unsealed(number, new String(bytes, 0, length, StandardCharsets.UTF_8));
    }
    lastLine = number;
  }

  /** What the chain came to once every file has been read. */
  ChainReport report() {
    return new ChainReport(sealed, unsealed, lastSeq, lastHash, breaks, breakCount, torn,
        Optional.ofNullable(pending).map(at -> new ChainBreak(at.file(), at.line(),
            at.why() + ": not a complete record at the end (a write cut short by a crash, or"
                + " the file was cut or added to), so the file is not proven whole")));
  }

  private void sealed(long number, AuditChain.Sealed line) {
    if (!line.intact()) {
      pendingBroke();
      broke(number, "seq " + line.seq() + ": its hash does not match its content: the line"
          + " was changed after it was written");
    } else if (!line.prev().equals(lastHash)) {
      if (pending != null) {
        breakCount++;
        listed(breaks, new ChainBreak(pending.file(), pending.line(), pending.why()
            + ", and line " + number + " after it does not continue the chain across it: a"
            + " record was replaced"));
        pending = null;
      } else {
        broke(number, notChained(number, line));
      }
    } else if (line.seq() != lastSeq + 1) {
      pendingBroke();
      broke(number, "seq " + line.seq() + " follows seq " + lastSeq + " although the chain"
          + " holds: the chain was recomputed after the fact");
    } else if (pending != null) {
      listed(torn, new ChainBreak(pending.file(), pending.line(), pending.why()
          + ": a write cut short by a crash; the chain continues across it"));
      pending = null;
    }
    sealed++;
    sealedSeen = true;
    lastHash = line.hash();
    lastSeq = line.seq();
  }

  private String notChained(long number, AuditChain.Sealed line) {
    String seqs = "seq " + line.seq() + " follows seq " + lastSeq;
    if (!sealedSeen && number == 1) {
      return "seq " + line.seq() + " is chained to a line of an earlier file (prev "
          + line.prev().substring(0, 12) + "...), not to the start of a chain: give that file"
          + " first, or lines were cut from the head of this one";
    } else if (line.seq() > lastSeq + 1) {
      return seqs + " and is not chained to the line before it: " + (line.seq() - lastSeq - 1)
          + " record(s) deleted before it";
    } else if (line.seq() <= lastSeq) {
      return seqs + " and is not chained to the line before it: lines were moved, or this one"
          + " was inserted";
    }
    return seqs + " but is not chained to the line before it (line " + lastLine + "): that"
        + " line was inserted or replaced";
  }

  private void unsealed(long number, String text) {
    String why;
    try {
      long seq = AuditJson.seq(json.parse(text));
      if (!sealedSeen && pending == null && breakCount == 0) {
        unsealed++;
        lastSeq = seq;
        return;
      }
      pendingBroke();
      broke(number, "seq " + seq + " carries no hash after sealed lines: it was added, or its"
          + " hash removed, after the fact");
      return;
    } catch (IllegalArgumentException e) {
      why = text.isEmpty() ? "an empty line" : "not a record (" + e.getMessage() + ")";
    }
    unreadable(number, why);
  }

  private void unreadable(long number, String why) {
    pendingBroke();
    pending = new ChainBreak(file, number, why);
  }

  private void pendingBroke() {
    if (pending != null) {
      breakCount++;
      listed(breaks, new ChainBreak(pending.file(), pending.line(), pending.why()
          + ", in the middle of the file"));
      pending = null;
    }
  }

  private void broke(long number, String why) {
    breakCount++;
    listed(breaks, new ChainBreak(file, number, why));
  }

  private static void listed(List<ChainBreak> list, ChainBreak entry) {
    if (list.size() < ChainReport.MAX_LISTED) {
      list.add(entry);
    }
  }
}
