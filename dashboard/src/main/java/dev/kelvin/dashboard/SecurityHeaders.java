package dev.kelvin.dashboard;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every answer carries. The page loads its script and stylesheet from this server
 * and nothing inline (no {@code <script>} body, no {@code style} attribute; the script sets
 * styles through the DOM, which a policy does not restrict), connects back only to this server
 * (fetch and the event stream), and its icon is an empty {@code data:} image. So the policy
 * allows exactly that, and no page may frame it.
 */
final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self';"
      + " style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none';"
      + " form-action 'none'; frame-ancestors 'none'";

  static final Map<String, String> HEADERS = headers();

  private SecurityHeaders() {}

  /** Sets every header on {@code ctx}'s response. */
  static void add(Context ctx) {
    HEADERS.forEach(ctx::header);
  }

  private static Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "no-referrer");
    return Map.copyOf(headers);
  }
}
