package dev.kelvin.telemetry.store;

import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.InfluxDBIOException;

/**
 * Writes batches of line protocol through influxdb-java (the InfluxDB 1.x HTTP API,
 * millisecond precision), and tells the answers apart by their HTTP status, which
 * influxdb-java does not expose: 2xx written; 400 some points refused for good, the rest
 * stored; anything else (no connection, a timeout, 401, 403, 404, 5xx) failed, to be tried
 * again. The only class that touches influxdb-java. The password travels in a basic
 * authentication header and is never logged.
 */
public final class InfluxLineWriter implements LineWriter {
  private static final WriteOutcome WRITTEN = new WriteOutcome.Written();

  private final InfluxDB client;
  private final String database;
  private final String retentionPolicy;
  private final String where;
  private final ThreadLocal<int[]> lastStatus = ThreadLocal.withInitial(() -> new int[1]);

  public InfluxLineWriter(InfluxSettings settings) {
    OkHttpClient.Builder http = new OkHttpClient.Builder()
        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(false)
        .addInterceptor(chain -> {
          Response response = chain.proceed(chain.request());
          lastStatus.get()[0] = response.code();
          return response;
        });
    String url = settings.url().toString();
    this.client = settings.username().isPresent()
        ? InfluxDBFactory.connect(url, settings.username().get(),
            settings.password().orElse(""), http)
        : InfluxDBFactory.connect(url, http);
    this.database = settings.database();
    this.retentionPolicy = settings.retentionPolicy().orElse(null);
    this.where = settings.url().getHost() + ":" + settings.url().getPort() + " database "
        + database;
  }

  @Override
  public WriteOutcome write(String lines, int points) {
    int[] status = lastStatus.get();
    status[0] = 0;
    try {
      client.write(database, retentionPolicy, InfluxDB.ConsistencyLevel.ONE,
          TimeUnit.MILLISECONDS, lines);
      return WRITTEN;
    } catch (InfluxDBIOException noAnswer) {
      return new WriteOutcome.Failed("no answer from InfluxDB at " + where + ": "
          + noAnswer.getCause());
    } catch (InfluxDBException refused) {
      String message = String.valueOf(refused.getMessage());
      if (status[0] == 400) {
        return Refusals.of(message, points);
      }
      return new WriteOutcome.Failed("InfluxDB at " + where + " answered HTTP " + status[0]
          + ": " + message + hint(status[0]));
    } catch (RuntimeException unexpected) {
      return new WriteOutcome.Failed("writing to InfluxDB at " + where + " failed: "
          + unexpected);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private static String hint(int status) {
    if (status == 401 || status == 403) {
      return " (check store.influx.username and the password file, and the user's write"
          + " privilege on the database)";
    }
    if (status == 404) {
      return " (create the database, or check store.influx.database)";
    }
    return "";
  }
}
