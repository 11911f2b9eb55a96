package dev.kelvin.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash (kill -9) leaves a work folder behind; the next start removes it. */
class WorkDirsTest {
  @TempDir
  Path base;

  @Test
  void claiming_removes_the_folders_of_processes_that_are_gone_and_keeps_the_others()
      throws IOException {
    Path orphan = Files.createDirectories(base.resolve("demo-" + deadPid()).resolve("broker"));
    Files.writeString(orphan.resolve("hivemq.lock"), "left by a kill -9");
    Path living = Files.createDirectories(base.resolve("demo-" + ProcessHandle.current()
        .parent().orElseThrow().pid()));
    Path otherKind = Files.createDirectories(base.resolve("bench-" + deadPid()));
    Path notOurs = Files.createDirectories(base.resolve("demo-cache"));

    Path mine = WorkDirs.claim(base, "demo");

    assertThat(mine).isDirectory().hasFileName("demo-" + ProcessHandle.current().pid());
    assertThat(orphan.getParent()).doesNotExist();
    assertThat(living).as("a running process's folder").isDirectory();
    assertThat(otherKind).as("another prefix").isDirectory();
    assertThat(notOurs).as("not a pid").isDirectory();
  }

  @Test
  void claiming_again_starts_empty_and_release_deletes_everything() throws IOException {
    Path mine = WorkDirs.claim(base, "run");
    Files.writeString(mine.resolve("leftover"), "x");

    Path again = WorkDirs.claim(base, "run");
    assertThat(again).isEmptyDirectory();

    WorkDirs.release(again);
    assertThat(again).doesNotExist();
  }

  /** A pid no process has now: one past the largest seen, which is not reused this quickly. */
  private static long deadPid() {
    long max = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1000);
    return max + 100_000;
  }
}
