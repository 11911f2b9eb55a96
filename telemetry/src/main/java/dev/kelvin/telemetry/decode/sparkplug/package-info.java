/**
 * Sparkplug B 3.0 for facility gateways: the topic layout, the per-edge-node session a host
 * application keeps (bdSeq, seq, birth aliases), rebirth requests, and the mapping of metric
 * names and engineering units onto Kelvin's facility readings. {@link
 * dev.kelvin.telemetry.decode.sparkplug.SparkplugCodec} is the entry point; Tahu's protobuf
 * schema and encoder stay inside this package.
 */
package dev.kelvin.telemetry.decode.sparkplug;
