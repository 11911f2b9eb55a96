package dev.kelvin.dashboard;

/** Why the dashboard refused a request or closed a connection, as {@code /metrics} labels it. */
public enum Refusal {
  /** The {@code Host} header named none of the dashboard's names: answered 421. */
  FOREIGN_HOST("foreign_host"),
  /** Every event stream slot was taken: answered 503. */
  STREAM_LIMIT("stream_limit"),
  /** The client took longer than the request timeout to send its request: connection closed. */
  SLOW_REQUEST("slow_request");

  private final String label;

  Refusal(String label) {
    this.label = label;
  }

  /** The lower-case label, e.g. {@code foreign_host}. */
  public String label() {
    return label;
  }
}
