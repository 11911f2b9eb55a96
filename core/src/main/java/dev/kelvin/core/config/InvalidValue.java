package dev.kelvin.core.config;

/**
 * A value that cannot be read as the type asked for. Its message is the reason and the fix;
 * {@link ConfigTree} adds the file, the key and the value. An element of a list may be blamed
 * on its own ({@link #at}), so the message names {@code hosts[1] = 7} rather than the list.
 */
final class InvalidValue extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String suffix;
  private final transient Object element;

  InvalidValue(String reason) {
    this("", null, reason);
  }

  private InvalidValue(String suffix, Object element, String reason) {
    super(reason, null, false, false);
    this.suffix = suffix;
    this.element = element;
  }

  /** The element {@code [index]} of a list, with value {@code element}, is at fault. */
  static InvalidValue at(int index, Object element, String reason) {
    return new InvalidValue("[" + index + "]", element, reason);
  }

  /** Appended to the key's path: {@code [1]} for an element, empty for the whole value. */
  String suffix() {
    return suffix;
  }

  /** The element at fault when {@link #suffix()} is not empty. */
  Object element() {
    return element;
  }
}
