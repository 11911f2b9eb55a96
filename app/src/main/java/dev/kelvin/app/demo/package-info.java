/**
 * {@code kelvin demo}: the composition of every module into one process over a simulated
 * site, with its options, health, banner and orderly stop.
 */
package dev.kelvin.app.demo;
