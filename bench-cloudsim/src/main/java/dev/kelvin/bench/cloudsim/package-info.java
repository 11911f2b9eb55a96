/**
 * The CloudSim Plus side of {@code kelvin bench simulate}: {@link
 * dev.kelvin.bench.cloudsim.CloudSimReplay} replays a Standard Workload Format trace on one
 * datacenter of one-PE hosts with a SPECpower curve, in its own JVM, and prints its wall time,
 * peak resident memory and energy as one JSON line. Bench-only: nothing of CloudSim Plus ships
 * in Kelvin's runtime.
 */
package dev.kelvin.bench.cloudsim;
