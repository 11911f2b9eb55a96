/**
 * Slurm as a read-only workload source: {@code sinfo --json} and {@code squeue --json}
 * (Slurm 22.05, data plugin openapi/v0.0.38) become core's {@link
 * dev.kelvin.core.model.NodeAvailability} and {@link dev.kelvin.core.model.Job}, polled on
 * the scheduler and handed to the live state whole. The commands run behind one small port,
 * {@link dev.kelvin.actuators.slurm.SlurmQuery}: {@link
 * dev.kelvin.actuators.slurm.ProcessSlurmQuery} runs the real CLI with a time-out, tests feed
 * recorded output. It sits in {@code actuators} because Slurm's actions (drain, resume,
 * requeue through {@code scontrol}) will run behind the same port. Jackson stays inside this
 * package.
 */
package dev.kelvin.actuators.slurm;
