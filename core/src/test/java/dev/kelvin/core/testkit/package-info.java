/**
 * Test fixtures and port contract suites shared with the other modules through core's
 * test-jar: a hand-moved clock, a reading builder, and one contract test per port that every
 * implementation (live or simulated) extends.
 */
package dev.kelvin.core.testkit;
