/**
 * {@code kelvin audit}: commands on audit files. {@code kelvin audit verify FILE...} follows
 * their hash chain from the first line to the last and says where it breaks.
 */
package dev.kelvin.app.audit;
