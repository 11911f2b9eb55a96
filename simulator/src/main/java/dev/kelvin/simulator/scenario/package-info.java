/** Planning scenarios: the YAML file read into records, every bad value refused with its key. */
package dev.kelvin.simulator.scenario;
