package jp.lg.externalservice.resilience;

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
 * A small JSON client for one node, authenticating demo users with HTTP Basic (password = user id).
 */
final class Rest {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** An answer: status and parsed body (null when empty or not JSON). */
  record Answer(int status, JsonNode body, String text) {
    boolean ok() {
      return status / 100 == 2;
    }
  }

  private final String baseUrl;
  private final String nodeName;

  Rest(String baseUrl, String nodeName) {
    this.baseUrl = baseUrl;
    this.nodeName = nodeName;
  }

  /** The host name of the node this client talks to. */
  String nodeName() {
    return nodeName;
  }

  Answer get(String path, String user) {
    return send(request(path, user).GET());
  }

  Answer post(String path, String user, Object body) {
    try {
      return send(
          request(path, user)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  Answer post(String path, String user, String contentType, byte[] body) {
    return send(
        request(path, user)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** The body of a 2xx answer; anything else fails with the answer. */
  JsonNode getOk(String path, String user) {
    Answer answer = get(path, user);
    if (!answer.ok()) {
      throw new AssertionError("GET " + path + " → " + answer.status() + " " + answer.text());
    }
    return answer.body();
  }

  private HttpRequest.Builder request(String path, String user) {
    String credentials = user + ":" + user;
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(60))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  /** Sends; a connection failure (a node that is down) becomes an {@link IllegalStateException}. */
  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode body = null;
      if (text != null && (text.trim().startsWith("{") || text.trim().startsWith("["))) {
        body = JSON.readTree(text);
      }
      return new Answer(response.statusCode(), body, text);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("node unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
