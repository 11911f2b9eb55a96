package dev.kelvin.dashboard;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;

/** The site's total power at one push, as the power chart draws it; {@code at} is ISO-8601. */
record PowerPoint(@JsonSerialize(using = ToStringSerializer.class) Instant at,
    double totalPowerWatts) {}
