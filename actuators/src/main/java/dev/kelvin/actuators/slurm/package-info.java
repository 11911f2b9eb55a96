/**
 * Slurm as the workload source and, when asked, the workload actuator. {@code sinfo --json} and
 * {@code squeue --json} (Slurm 22.05, data plugin openapi/v0.0.38) become core's {@link
 * dev.kelvin.core.model.NodeAvailability} and {@link dev.kelvin.core.model.Job}, polled on
 * the scheduler and handed to the live state whole ({@link
 * dev.kelvin.actuators.slurm.SlurmWorkloadSource}); drains, resumes and requeues run as
 * {@code scontrol} commands and are read back ({@link
 * dev.kelvin.actuators.slurm.SlurmActuator}). The commands run behind one small port,
 * {@link dev.kelvin.actuators.slurm.SlurmQuery}: {@link
 * dev.kelvin.actuators.slurm.ProcessSlurmQuery} runs the real CLI with a time-out, tests feed
 * recorded output. Jackson stays inside this package.
 */
package dev.kelvin.actuators.slurm;
