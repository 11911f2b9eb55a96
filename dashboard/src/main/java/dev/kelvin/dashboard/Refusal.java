package dev.kelvin.dashboard;

/** Why the dashboard refused a request or closed a connection, as {@code /metrics} labels it. */
public enum Refusal {
  /** The {@code Host} header named none of the dashboard's names: answered 421. */
  FOREIGN_HOST("foreign_host"),
  /** Every event stream slot was taken: answered 503. */
  STREAM_LIMIT("stream_limit"),
  /** The client took longer than the request timeout to send its request: connection closed. */
  SLOW_REQUEST("slow_request"),
  /** An approve or reject came from another machine than the controller's: answered 403. */
  NOT_LOOPBACK("approval_not_loopback"),
  /** An approve or reject with a bad id or body: answered 400 or 415. */
  BAD_APPROVAL("approval_bad_request"),
  /** An approve or reject for an action not held for approval: answered 404. */
  UNKNOWN_ACTION("approval_unknown_action"),
  /** An approve or reject for an action no longer proposed (decided, expired): 409. */
  NOT_PROPOSED("approval_not_proposed");

  private final String label;

  Refusal(String label) {
    this.label = label;
  }

  /** The lower-case label, e.g. {@code foreign_host}. */
  public String label() {
    return label;
  }
}
