/**
 * Kelvin's domain records: identities, node and facility readings with units in their names,
 * and the cluster snapshot the control loop decides on. JDK only.
 */
package dev.kelvin.core.model;
