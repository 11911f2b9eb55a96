/**
 * Validation shared by every boundary: reject reasons, the exception that carries them, and
 * the naming rules for identifiers. Errors name the field, the unit and the bad value.
 */
package dev.kelvin.core.validation;
