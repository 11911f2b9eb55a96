/**
 * The discrete-event engine of simulation mode: jobs, nodes and sites on core's virtual
 * scheduler, energy integrated exactly between events, and the cluster view and action
 * executor through which the same control loop as in production acts on the model.
 */
package dev.kelvin.simulator.engine;
