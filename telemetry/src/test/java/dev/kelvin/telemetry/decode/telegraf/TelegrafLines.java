package dev.kelvin.telemetry.decode.telegraf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Telegraf output as its MQTT output plugin publishes it with {@code data_format = "influx"}:
 * tags sorted by key (Telegraf sorts them), {@code host} added by the agent, integers with
 * {@code i}, floats as Go's shortest form ({@code 400}, not {@code 400.0}), spaces in tag values
 * escaped, nanosecond timestamps. Where a line is copied from a plugin's documentation it says
 * which; README examples that leave out the {@code host} tag have it added, and hand-written
 * README lines whose tags are out of order are given in Telegraf's sorted order.
 */
final class TelegrafLines {
  private TelegrafLines() {}

  /** 2020-11-27T16:32:24Z, the timestamp of the intel_powerstat README example. */
  static final long POWERSTAT_NS = 1606494744000000000L;

  /** intel_powerstat README, "Example Output" (Telegraf 1.2x). */
  static final String POWERSTAT_PACKAGE = String.join("\n",
      "powerstat_package,host=ubuntu,package_id=0 thermal_design_power_watts=160 1606494744000000000",
      "powerstat_package,host=ubuntu,package_id=0 current_power_consumption_watts=35 1606494744000000000",
      "powerstat_package,host=ubuntu,package_id=0 current_dram_power_consumption_watts=13.94 1606494744000000000",
      "powerstat_package,host=ubuntu,package_id=0,active_cores=0 max_turbo_frequency_mhz=3000i 1606494744000000000",
      "powerstat_package,die=0,host=ubuntu,package_id=0,type=initial uncore_frequency_limit_mhz_min=800,uncore_frequency_limit_mhz_max=2400 1606494744000000000");

  /** intel_powerstat README, "Example Output": the core lines of cpu_id 0. */
  static final String POWERSTAT_CORE = String.join("\n",
      "powerstat_core,core_id=0,cpu_id=0,host=ubuntu,package_id=0 cpu_frequency_mhz=1200.29 1606494744000000000",
      "powerstat_core,core_id=0,cpu_id=0,host=ubuntu,package_id=0 cpu_temperature_celsius=34i 1606494744000000000",
      "powerstat_core,core_id=0,cpu_id=0,host=ubuntu,package_id=0 cpu_c6_state_residency_percent=92.52 1606494744000000000",
      "powerstat_core,core_id=0,cpu_id=0,host=ubuntu,package_id=0 cpu_busy_frequency_mhz=1213.24 1606494744000000000");

  /** 2018-04-17T18:52:02Z, the timestamp of the nvidia_smi README example. */
  static final long NVIDIA_NS = 1523991122000000000L;

  /** nvidia_smi README, "Example Output": three GPUs, names with escaped spaces. */
  static final String NVIDIA_SMI_README = String.join("\n",
      "nvidia_smi,compute_mode=Default,host=8218cf,index=0,name=GeForce\\ GTX\\ 1070,pstate=P2,uuid=GPU-823bc202-6279-6f2c-d729-868a30f14d96 fan_speed=100i,memory_free=7563i,memory_total=8112i,memory_used=549i,temperature_gpu=53i,utilization_gpu=100i,utilization_memory=90i 1523991122000000000",
      "nvidia_smi,compute_mode=Default,host=8218cf,index=1,name=GeForce\\ GTX\\ 1080,pstate=P2,uuid=GPU-f9ba66fc-a7f5-94c5-da19-019ef2f9c665 fan_speed=100i,memory_free=7557i,memory_total=8114i,memory_used=557i,temperature_gpu=50i,utilization_gpu=100i,utilization_memory=85i 1523991122000000000",
      "nvidia_smi,compute_mode=Default,host=8218cf,index=2,name=GeForce\\ GTX\\ 1080,pstate=P2,uuid=GPU-d4cfc28d-0481-8d07-b81a-ddfc63d74adf fan_speed=100i,memory_free=7557i,memory_total=8114i,memory_used=557i,temperature_gpu=58i,utilization_gpu=100i,utilization_memory=86i 1523991122000000000");

  /**
   * A data-centre GPU with the fields of nvidia_smi's schema v12/v13 parser (power readings,
   * limits and their range, aggregate ECC counters, driver strings), in the serializer's form.
   */
  static final String NVIDIA_SMI_A100 = "nvidia_smi,arch=Ampere,compute_mode=Default,host=gpu07,"
      + "index=3,name=NVIDIA\\ A100-SXM4-40GB,pstate=P0,uuid=GPU-5d1f0b8e-3a41-7c2e-9f0d-2b8c4e6a1f37 "
      + "clocks_current_graphics=1410i,clocks_current_memory=1215i,clocks_current_sm=1410i,"
      + "cuda_version=\"12.2\",driver_version=\"535.104.05\",ecc_errors_aggregate_dram_correctable=3i,"
      + "ecc_errors_aggregate_dram_uncorrectable=0i,ecc_errors_aggregate_sram_correctable=1i,"
      + "ecc_errors_aggregate_sram_uncorrectable=0i,fan_speed=0i,memory_free=40329i,"
      + "memory_total=40960i,memory_used=4i,power_draw=61.93,power_limit=400,power_limit_max=400,"
      + "power_limit_min=100,temperature_gpu=33i,utilization_gpu=87i,utilization_memory=41i "
      + "1689872450000000000";

  /** 2018-01-28T07:45:13Z, the timestamp of the ipmi_sensor README example. */
  static final long IPMI_NS = 1517125513000000000L;

  /**
   * ipmi_sensor, metric_version 1 (the default): sensors of the plugin's test fixture (an IBM
   * System x: "Ambient Temp | 20 degrees C | ok", "Avg Power | 210 Watts | ok") and of the
   * README example, each with its status field.
   */
  static final String IPMI_V1 = String.join("\n",
      "ipmi_sensor,host=node01,name=ambient_temp,unit=degrees_c status=1i,value=20 1517125513000000000",
      "ipmi_sensor,host=node01,name=altitude,unit=feet status=1i,value=80 1517125513000000000",
      "ipmi_sensor,host=node01,name=avg_power,unit=watts status=1i,value=210 1517125513000000000",
      "ipmi_sensor,host=node01,name=planar_vbat,unit=volts status=1i,value=3.05 1517125513000000000",
      "ipmi_sensor,host=node01,name=fan_1a_tach,unit=rpm status=1i,value=2610 1517125513000000000",
      "ipmi_sensor,host=node01,name=uid_light value=0,status=1i 1517125513000000000",
      "ipmi_sensor,host=node01,name=power_supply_1,unit=watts status=1i,value=110 1517125513000000000",
      "ipmi_sensor,host=node01,name=cpu_1 status=1i,value=0 1517125513000000000");

  /**
   * ipmi_sensor, metric_version 2 ({@code ipmitool sdr elist}): lines of the plugin's v2 test
   * fixture ("Inlet Temp | 04h | ok | 7.1 | 25 degrees C", "SEL | 72h | ns | 7.1 | No
   * Reading") and of a Dell iDRAC, whose two CPU sensors are both named "Temp" on processor
   * entities 3.1 and 3.2 and whose node power is "Pwr Consumption".
   */
  static final String IPMI_V2 = String.join("\n",
      "ipmi_sensor,entity_id=7.1,host=node02,name=sel,status_code=ns,status_desc=no_reading value=0 1517125474000000000",
      "ipmi_sensor,entity_id=7.1,host=node02,name=inlet_temp,status_code=ok,unit=degrees_c value=25 1517125474000000000",
      "ipmi_sensor,entity_id=7.1,host=node02,name=exhaust_temp,status_code=ok,unit=degrees_c value=38 1517125474000000000",
      "ipmi_sensor,entity_id=3.1,host=node02,name=temp,status_code=ok,unit=degrees_c value=55 1517125474000000000",
      "ipmi_sensor,entity_id=3.2,host=node02,name=temp,status_code=ok,unit=degrees_c value=61 1517125474000000000",
      "ipmi_sensor,entity_id=7.1,host=node02,name=pwr_consumption,status_code=ok,unit=watts value=350 1517125474000000000",
      "ipmi_sensor,entity_id=10.1,host=node02,name=power_supply_1,status_code=ok,status_desc=presence_detected,unit=watts value=110 1517125474000000000",
      "ipmi_sensor,entity_id=7.1,host=node02,name=fan1,status_code=ok,unit=rpm value=5040 1517125474000000000");

  /** 2020-02-19T12:08:32Z, the timestamp of the redfish README example. */
  static final long REDFISH_NS = 1582114112000000000L;

  /**
   * redfish, a Dell iDRAC as the plugin's test expects it ("CPU1 Temp", "System Board Inlet
   * Temp", member ids "iDRAC.Embedded.1#..."), polled by Telegraf on host telegraf01: the node
   * is the {@code source} tag; the location's rack tag is set, its empty tags left out.
   */
  static final String REDFISH = String.join("\n",
      "redfish_thermal_temperatures,address=192.0.2.10,health=OK,host=telegraf01,member_id=iDRAC.Embedded.1#CPU1Temp,name=CPU1\\ Temp,rack=r12,source=tpa-hostname,state=Enabled lower_threshold_critical=3,lower_threshold_fatal=3,reading_celsius=40,upper_threshold_critical=93,upper_threshold_fatal=98 1582114112000000000",
      "redfish_thermal_temperatures,address=192.0.2.10,health=OK,host=telegraf01,member_id=iDRAC.Embedded.1#CPU2Temp,name=CPU2\\ Temp,rack=r12,source=tpa-hostname,state=Enabled reading_celsius=51,upper_threshold_critical=93,upper_threshold_fatal=98 1582114112000000000",
      "redfish_thermal_temperatures,address=192.0.2.10,health=OK,host=telegraf01,member_id=iDRAC.Embedded.1#SystemBoardInletTemp,name=System\\ Board\\ Inlet\\ Temp,rack=r12,source=tpa-hostname,state=Enabled lower_threshold_critical=-7,lower_threshold_fatal=-7,reading_celsius=23,upper_threshold_critical=42,upper_threshold_fatal=47 1582114112000000000",
      "redfish_thermal_temperatures,address=192.0.2.10,health=OK,host=telegraf01,member_id=iDRAC.Embedded.1#SystemBoardExhaustTemp,name=System\\ Board\\ Exhaust\\ Temp,rack=r12,source=tpa-hostname,state=Enabled reading_celsius=33,upper_threshold_critical=75,upper_threshold_fatal=80 1582114112000000000",
      "redfish_thermal_fans,address=192.0.2.10,health=OK,host=telegraf01,member_id=0x17||Fan.Embedded.1A,name=System\\ Board\\ Fan1A,rack=r12,source=tpa-hostname,state=Enabled lower_threshold_critical=600,lower_threshold_fatal=600,reading_rpm=17720i 1582114112000000000",
      "redfish_power_powersupplies,address=192.0.2.10,health=OK,host=telegraf01,member_id=PSU.Slot.1,name=PS1\\ Status,rack=r12,source=tpa-hostname,state=Enabled last_power_output_watts=0,line_input_voltage=206,power_capacity_watts=750,power_input_watts=221,power_output_watts=203 1582114112000000000",
      "redfish_power_powersupplies,address=192.0.2.10,health=OK,host=telegraf01,member_id=PSU.Slot.2,name=PS2\\ Status,rack=r12,source=tpa-hostname,state=Enabled last_power_output_watts=0,line_input_voltage=206,power_capacity_watts=750,power_input_watts=212,power_output_watts=194 1582114112000000000");

  /** 2019-05-23T12:18:02Z, the timestamp of the cpu lines in Telegraf's getting-started doc. */
  static final long CPU_NS = 1558613882000000000L;

  /** Telegraf's documentation of the cpu plugin: two cores and the total. */
  static final String CPU = String.join("\n",
      "cpu,cpu=cpu0,host=local usage_guest=0,usage_idle=78.431372,usage_iowait=0,usage_irq=0,usage_softirq=0,usage_steal=0,usage_system=11.764705,usage_user=9.803921 1558613882000000000",
      "cpu,cpu=cpu1,host=local usage_guest=0,usage_idle=92.156862,usage_iowait=0,usage_irq=0,usage_softirq=0,usage_steal=0,usage_system=3.921568,usage_user=3.921568 1558613882000000000",
      "cpu,cpu=cpu-total,host=local usage_guest=0,usage_idle=87.623762,usage_iowait=0,usage_irq=0,usage_softirq=0,usage_steal=0,usage_system=6.435643,usage_user=5.940594 1558613882000000000");

  /** 2019-11-25T20:14:29Z, the timestamp of the mem README example. */
  static final long MEM_NS = 1574712869000000000L;

  /** mem README, "Example Output", with the host tag the agent adds. */
  static final String MEM = "mem,host=local active=9299595264i,available=16818249728i,available_percent=80.41654254645131,buffered=2383761408i,cached=13316689920i,commit_limit=14751920128i,committed_as=11781156864i,dirty=122880i,free=1877688320i,high_free=0i,high_total=0i,huge_page_size=2097152i,huge_pages_free=0i,huge_pages_total=0i,inactive=7549939712i,low_free=0i,low_total=0i,mapped=416763904i,page_tables=19787776i,shared=670679040i,slab=2081071104i,sreclaimable=1923395584i,sunreclaim=157675520i,swap_cached=1302528i,swap_free=4286128128i,swap_total=4294963200i,total=20913917952i,used=3335778304i,used_percent=15.95004011996231,vmalloc_chunk=0i,vmalloc_total=35184372087808i,vmalloc_used=0i,wired=0i,write_back=0i,write_back_tmp=0i 1574712869000000000";

  /**
   * temp, metric_format 2 (sensor names of the plugin's test cases: coretemp packages and
   * cores, an NVMe drive with its boolean alarm field, AMD k10temp); the test cases carry no
   * host and no timestamp, which the agent adds.
   */
  static final String TEMP = String.join("\n",
      "temp,host=node03,sensor=coretemp_package_id_0_input temp=52 1606494744000000000",
      "temp,host=node03,sensor=coretemp_package_id_0_crit temp=100 1606494744000000000",
      "temp,host=node03,sensor=coretemp_package_id_1_input temp=57 1606494744000000000",
      "temp,host=node03,sensor=coretemp_core_0_input temp=49 1606494744000000000",
      "temp,host=node03,sensor=nvme_composite_input temp=35.85 1606494744000000000",
      "temp,host=node03,sensor=nvme_composite_alarm active=false 1606494744000000000");

  /** temp on an AMD node (k10temp, from the plugin's test cases). */
  static final String TEMP_AMD = String.join("\n",
      "temp,device=0000:00:18.3,host=node04,sensor=k10temp_tctl_input temp=31.875 1606494744000000000",
      "temp,device=0000:00:18.3,host=node04,sensor=k10temp_tccd1_input temp=30.75 1606494744000000000");

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A receive time shortly after {@code nanos}. */
  static Instant receivedAfter(long nanos) {
    return Instant.ofEpochSecond(0, nanos).plusMillis(300);
  }

  static Instant at(long nanos) {
    return Instant.ofEpochSecond(0, nanos);
  }
}
