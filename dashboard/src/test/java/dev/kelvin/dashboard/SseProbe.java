package dev.kelvin.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a server-sent event stream in the background and keeps every event it parsed. */
final class SseProbe implements AutoCloseable {
  /** One parsed event. */
  record Event(String name, String data) {}

  final List<Event> events = new CopyOnWriteArrayList<>();
  final CompletableFuture<HttpResponse<Stream<String>>> response;
  private volatile Stream<String> lines;
  /** Whether the server ended the stream (or it was cancelled). */
  volatile boolean ended;

  SseProbe(HttpClient http, URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
        .timeout(Duration.ofSeconds(30)).GET().build();
    response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response.thenAcceptAsync(answer -> read(answer.body()));
  }

  private void read(Stream<String> body) {
    lines = body;
    String[] name = {"message"};
    StringBuilder data = new StringBuilder();
    try {
      body.forEach(line -> {
        if (line.startsWith("event: ")) {
          name[0] = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(data.length() == 0 ? "" : "\n").append(line.substring(6));
        } else if (line.isEmpty() && data.length() > 0) {
          events.add(new Event(name[0], data.toString()));
          name[0] = "message";
          data.setLength(0);
        }
      });
    } catch (RuntimeException closed) {
      // The stream ended or was cancelled: the events read so far stay.
    } finally {
      ended = true;
    }
  }

  List<Event> named(String name) {
    return events.stream().filter(event -> event.name().equals(name)).toList();
  }

  @Override
  public void close() {
    Stream<String> body = lines;
    if (body != null) {
      body.close();
    }
    response.cancel(true);
  }
}
