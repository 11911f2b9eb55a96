package dev.kelvin.dashboard;

import java.util.List;

/**
 * One action as the action log shows it: what it is, why, and its latest status, folded from
 * every audit record of its id. {@code at} is when it was first seen, {@code updatedAt} when
 * its latest record was made; {@code before}/{@code after} are the setpoint read back by the
 * latest result that had them, {@code null} until then. {@code actor} made the latest record:
 * the controller, or the operator who approved or rejected it. A {@code held_for_approval}
 * status is what the page offers approve and reject buttons for.
 */
record ActionEntry(String id, String at, String updatedAt, String node, String action,
    String type, String rule, String reason, List<String> facts, String status, String detail,
    Double before, Double after, long leaseSeconds, String actor) {}
