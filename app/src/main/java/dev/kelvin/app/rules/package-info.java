/** {@code kelvin rules}: checks an operator's rule files and scenarios before they go live. */
package dev.kelvin.app.rules;
