/** Reading the CSV files of the reference data, one way for every reader. */
package dev.kelvin.datasets.csv;
