package jp.lg.externalservice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A blocking HTTP client for the application: HTTP Basic as a demo user (password = id) on every
 * request, or no credentials at all when the user is null (the unauthenticated floor).
 */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  Http(String base) {
    this.base = base;
  }

  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  Answer get(String path, String user) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), user, null);
  }

  Answer post(String path, String user, Object body) {
    return post(path, user, body, "application/json");
  }

  Answer post(String path, String user, Object body, String accept) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/json")
              .header("Accept", accept)
              .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)),
          user,
          null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer send(HttpRequest.Builder request, String user, Object unused) {
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    request.timeout(Duration.ofSeconds(60));
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The HTTP Basic header of a demo user (password = id). */
  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  static Answer ok(Answer answer, String what) {
    if (answer.status() >= 300) {
      throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
    }
    return answer;
  }
}
