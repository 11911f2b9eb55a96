/**
 * Validation shared by every boundary: reject reasons, the exception that carries them, the
 * naming rules for identifiers, and how text from the wire is shown in logs and samples (a
 * short, escaped prefix). Errors name the field, the unit and the bad value.
 */
package dev.kelvin.core.validation;
