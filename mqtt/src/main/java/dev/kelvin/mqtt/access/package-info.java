/**
 * Who may do what on the broker: the roles of Kelvin's clients (controller, node agent,
 * facility gateway, read-only watcher), the topics each may publish and subscribe to, and how a
 * client id is derived from the identity that logs in, so that one identity cannot take another's
 * session. The embedded broker enforces this model itself; for Mosquitto it is rendered as an
 * ACL file (docs/security.md).
 */
package dev.kelvin.mqtt.access;
