package dev.kelvin.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlibabaPodReaderTest {
  private static final String HEADER = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,"
      + "pod_phase,creation_time,deletion_time,scheduled_time\n";

  private static List<AlibabaPod> read(String text) throws IOException {
    return AlibabaPodReader.read(new BufferedReader(new StringReader(text)), "pods.csv");
  }

  @Test
  void reads_a_sharing_pod_and_a_pending_pod_in_file_order() throws IOException {
    List<AlibabaPod> pods = read(HEADER
        + "openb-pod-0001,6000,12288,1,460,V100M16|V100M32,LS,Running,427061,12902960,427061\n"
        + "openb-pod-0000,2000,4096,2,1000,,BE,Pending,10,600,\n");

    assertThat(pods.get(0)).isEqualTo(new AlibabaPod("openb-pod-0001", 6000, 12_288, 1, 460,
        "V100M16|V100M32", "LS", AlibabaPod.Phase.RUNNING, 427_061,
        OptionalLong.of(12_902_960), OptionalLong.of(427_061)));
    assertThat(pods.get(1).phase()).isEqualTo(AlibabaPod.Phase.PENDING);
    assertThat(pods.get(1).scheduledS()).isEmpty();
  }

  @Test
  void columns_are_found_by_name_whatever_their_order() throws IOException {
    List<AlibabaPod> pods = read("scheduled_time,deletion_time,creation_time,pod_phase,qos,"
        + "gpu_spec,gpu_milli,num_gpu,memory_mib,cpu_milli,name\n"
        + "5,100,3,Succeeded,LS,,1000,4,1024,8000,p-7\n");

    assertThat(pods.get(0).numGpu()).isEqualTo(4);
    assertThat(pods.get(0).scheduledS()).hasValue(5);
    assertThat(pods.get(0).name()).isEqualTo("p-7");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "p,1,1,1,1000,,LS,Running,-4,9,0 | pods.csv:2: column 9 'creation_time' '-4' must be 0 or more",
      "p,1,1,1,1500,,LS,Running,4,9,5 | pods.csv:2: column 5 'gpu_milli' '1500' must be 0..1000 milli-GPU",
      "p,1,1,x,1000,,LS,Running,4,9,5 | pods.csv:2: column 4 'num_gpu' 'x' is not a whole number",
      "p,1,1,1,1000,,LS,Waiting,4,9,5 | pods.csv:2: column 8 'pod_phase' 'Waiting' is not one of",
      "p,1,1,1,1000,,LS,Running,,9,5 | pods.csv:2: column 9 'creation_time' '' must be given",
      "p,1,1,1,1000,,LS,Running,4.5,9,5 | column 9 'creation_time' '4.5' is not a whole number",
      "p,1,1,1,1000,,LS,Running,4,9 | pods.csv:2: 10 cells, the header names 11"})
  void a_bad_row_names_the_file_the_line_the_column_and_the_value(String row, String message) {
    assertThatThrownBy(() -> read(HEADER + row + "\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining(message);
  }

  @Test
  void a_bad_row_further_down_names_its_own_line() {
    assertThatThrownBy(() -> read(HEADER + "a,1,1,0,0,,BE,Failed,1,2,1\n\n"
        + "b,1,1,0,0,,BE,Failed,1,2,1\nc,1,1,0,0,,BE,Failed,1,two,1\n"))
        .hasMessageContaining("pods.csv:5: column 10 'deletion_time' 'two'");
  }

  @Test
  void a_file_without_the_columns_of_a_pod_list_is_refused_naming_the_missing_one() {
    assertThatThrownBy(() -> read("name,cpu_milli,memory_mib,gpu,model\nn,1,1,1,T4\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("pods.csv:1: no column 'num_gpu'");
  }

  @ParameterizedTest
  @CsvSource({"openb_pod_list_default.csv", "openb_pod_list_gpuspec33.csv"})
  void reads_every_pod_of_both_pod_lists_and_counts_the_nodes_listed_beside(String file) {
    Path path = ReferenceData.file("alibaba-gpu-v2023", file);

    List<AlibabaPod> pods = AlibabaPodReader.read(path);

    assertThat(pods).hasSize(8152);
    assertThat(pods).filteredOn(pod -> pod.phase() == AlibabaPod.Phase.PENDING).hasSize(897)
        .allSatisfy(pod -> assertThat(pod.scheduledS()).isEmpty());
    assertThat(AlibabaPodReader.nodesListedBeside(path)).hasValue(1523);
  }
}
