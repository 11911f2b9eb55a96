package dev.kelvin.telemetry.decode.telegraf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * Measures, on one thread, how many lines a second the parser reads and the codec decodes
 * (parse, map, build readings) from batches of Telegraf output: a mix of per-core powerstat
 * lines (short), cpu and mem lines (medium) and nvidia_smi lines (long). Not a test: run it
 * with the test classpath, {@code java ... LineProtocolThroughput [seconds] [parse,decode]}.
 */
public final class LineProtocolThroughput {
  private static final int HOSTS = 40;

  private LineProtocolThroughput() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    String stages = args.length > 1 ? args[1] : "parse,decode";
    String batch = batch();
    int lines = (int) batch.lines().count();
    byte[] payload = batch.getBytes(StandardCharsets.UTF_8);
    System.out.printf(Locale.ROOT, "batch: %d lines, %d bytes (%.0f bytes a line)%n", lines,
        payload.length, (double) payload.length / lines);
    LineProtocol parser = new LineProtocol(Precision.NANOSECONDS, 64 * 1024, 100_000);
    if (stages.contains("parse")) {
      run("parse", seconds, lines, () -> parser.parse(
          new String(payload, StandardCharsets.UTF_8)).lines().size());
    }
    TelegrafCodec codec = new TelegrafCodec(TelegrafSettings.defaults());
    Instant received = TelegrafLines.receivedAfter(TelegrafLines.POWERSTAT_NS);
    if (stages.contains("decode")) {
      run("decode", seconds, lines, () -> codec.decode("telegraf/h/p", payload, received)
          .nodes().size());
    }
  }

  private static void run(String what, double seconds, int lines, java.util.function.IntSupplier
      work) {
    long sink = 0;
    long warmUntil = System.nanoTime() + (long) (seconds * 0.4e9);
    while (System.nanoTime() < warmUntil) {
      sink += work.getAsInt();
    }
    long rounds = 0;
    long start = System.nanoTime();
    long until = start + (long) (seconds * 1e9);
    while (System.nanoTime() < until) {
      sink += work.getAsInt();
      rounds++;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%-6s %,.0f lines/s (%d batches in %.1f s, check %d)%n",
        what, rounds * lines / elapsed, rounds, elapsed, sink % 10);
  }

  /** Per host: 16 powerstat_core lines, cpu-total, mem, 4 nvidia_smi GPUs, 2 PSUs. */
  static String batch() {
    StringBuilder text = new StringBuilder();
    long ns = TelegrafLines.POWERSTAT_NS;
    for (int h = 0; h < HOSTS; h++) {
      String host = "node" + h;
      for (int cpu = 0; cpu < 16; cpu++) {
        text.append("powerstat_core,core_id=").append(cpu).append(",cpu_id=").append(cpu)
            .append(",host=").append(host).append(",package_id=").append(cpu / 8)
            .append(cpu % 2 == 0 ? " cpu_frequency_mhz=2400.29 " : " cpu_temperature_celsius=54i ")
            .append(ns).append('\n');
      }
      text.append(TelegrafLines.CPU.lines().skip(2).findFirst().orElseThrow()
          .replace("host=local", "host=" + host).replace("1558613882000000000", "" + ns))
          .append('\n');
      text.append(TelegrafLines.MEM.replace("host=local", "host=" + host)
          .replace("1574712869000000000", "" + ns)).append('\n');
      for (int gpu = 0; gpu < 4; gpu++) {
        text.append(TelegrafLines.NVIDIA_SMI_A100.replace("host=gpu07", "host=" + host)
            .replace("index=3", "index=" + gpu).replace("1689872450000000000", "" + ns))
            .append('\n');
      }
      for (int psu = 1; psu <= 2; psu++) {
        text.append("redfish_power_powersupplies,address=192.0.2.10,health=OK,host=t,"
            + "member_id=PSU.Slot.").append(psu).append(",name=PS").append(psu)
            .append("\\ Status,source=").append(host).append(",state=Enabled "
            + "line_input_voltage=206,power_capacity_watts=750,power_input_watts=221,"
            + "power_output_watts=203 ").append(ns).append('\n');
      }
    }
    return text.toString();
  }
}
