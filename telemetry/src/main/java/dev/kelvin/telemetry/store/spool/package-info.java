/**
 * The disk spool: append-only segment files with a checksum per record, where the store keeps
 * what InfluxDB could not take, replayed in order once it answers again.
 *
 * <p>{@link dev.kelvin.telemetry.store.spool.DiskSpool} is the one implementation of {@link
 * dev.kelvin.telemetry.store.spool.Spool}, opened on a folder of its own with {@link
 * dev.kelvin.telemetry.store.spool.SpoolSettings}. The classes behind it: the byte format
 * ({@code SegmentFormat}), recovery at open ({@code SpoolFolder}, {@code SegmentScanner}), the
 * newest segment's writer ({@code SegmentWriter}), the oldest segment's reader ({@code
 * FrameReader}), the replay cursor ({@code CursorFile}) and the in-memory counts ({@code
 * SpoolLedger}, {@code Segment}).
 */
package dev.kelvin.telemetry.store.spool;
