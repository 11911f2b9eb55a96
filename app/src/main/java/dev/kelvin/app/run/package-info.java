/**
 * {@code kelvin run}: the controller in live mode against an external broker, configured by a
 * YAML file mapped onto the modules' settings records.
 */
package dev.kelvin.app.run;
