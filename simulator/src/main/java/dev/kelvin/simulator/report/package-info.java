/** What a simulation run leaves: its figures, time series and job outcomes, and the report files written from them. */
package dev.kelvin.simulator.report;
