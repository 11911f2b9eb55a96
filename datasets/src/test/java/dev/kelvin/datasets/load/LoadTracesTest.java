package dev.kelvin.datasets.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadTracesTest {
  @TempDir
  Path folder;

  @Test
  void a_folder_is_read_file_by_file_in_name_order() throws IOException {
    Path sub = Files.createDirectories(folder.resolve("swf-x"));
    Files.writeString(sub.resolve("b.swf"), "1 0 0 10 1 -1 -1 1 60 -1 1 1 1 1 1 1 -1 -1\n");
    Files.writeString(sub.resolve("a.swf"), "1 0 0 10 1 -1 -1 1 60 -1 1 1 1 1 1 1 -1 -1\n");
    Files.writeString(sub.resolve("README.md"), "not a trace");

    assertThat(LoadTraces.read(folder)).extracting(file -> file.path().getFileName().toString())
        .containsExactly("a.swf", "b.swf");
  }

  @Test
  void a_file_of_no_known_format_is_refused_with_the_formats_read() throws IOException {
    Path file = Files.writeString(folder.resolve("load.txt"), "1,2,3");

    assertThatThrownBy(() -> LoadTraces.read(file)).isInstanceOf(LoadDataException.class)
        .hasMessageContaining("load.txt").hasMessageContaining("planetlab*.csv");
  }

  @Test
  void a_missing_path_is_refused_naming_it() {
    assertThatThrownBy(() -> LoadTraces.read(folder.resolve("nothing")))
        .isInstanceOf(LoadDataException.class).hasMessageContaining("no such file or folder");
  }
}
