/** The batch queue: FCFS and EASY backfilling on requested times, whole-node allocation. */
package dev.kelvin.simulator.sched;
