package dev.kelvin.policy.rules;

import dev.kelvin.core.model.NodeId;

/**
 * A power rule's claim on the CPU cap in force on {@code node}: while it holds, the thermal
 * release rule does not raise that cap (raising it would undo a budget, efficiency or carbon
 * cap the same tick, and the two would flap). Thermal caps still go down: a hot CPU wins.
 */
public record CapHold(NodeId node, String rule) {}
