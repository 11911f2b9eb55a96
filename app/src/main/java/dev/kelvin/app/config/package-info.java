/**
 * Configuration files: YAML read into core's checked configuration tree, and the sections
 * every command shares (the {@code mqtt} section). Each command maps its file onto the
 * settings records of the modules it runs.
 */
package dev.kelvin.app.config;
