package jp.lg.externalservice.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import jp.lg.externalservice.WebTest.Answer;

/**
 * A signed-in Tasklist session, as the browser holds it: the session cookie and the CSRF token of
 * the webapps. It calls the engine REST API behind the webapps ({@code
 * /camunda/api/engine/engine/default/...}), the path that the REST guard must cover as well as
 * {@code /engine-rest}.
 */
final class WebappSession {

  static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final String base;
  private final String token;

  /**
   * Logs in to Tasklist as a demo user (password = user id), the way Tasklist's login page does.
   */
  static WebappSession login(int port, String user) {
    return new WebappSession("http://localhost:" + port, user);
  }

  private WebappSession(String base, String user) {
    this.base = base;
    try {
      String csrf =
          browser
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .headers()
              .firstValue("X-XSRF-TOKEN")
              .orElseThrow();
      HttpResponse<String> login =
          browser.send(
              HttpRequest.newBuilder(
                      URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-XSRF-TOKEN", csrf)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "username="
                              + user
                              + "&password="
                              + URLEncoder.encode(user, StandardCharsets.UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (login.statusCode() != 200) {
        throw new IllegalStateException(
            "Tasklist login of " + user + " answered " + login.statusCode());
      }
      // the login starts a new session with a new token, handed out with the next request
      token =
          browser
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .headers()
              .firstValue("X-XSRF-TOKEN")
              .orElseThrow();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    // a query sent as POST needs the session and the token like any change: a refusal later is then
    // the guard's,
    // not a CSRF failure
    Answer probe = send("POST", "/task/count", java.util.Map.of());
    if (probe.status() != 200) {
      throw new IllegalStateException(
          "Tasklist session of " + user + " cannot POST: " + probe.status());
    }
  }

  /**
   * {@code method} on the webapps' engine path ({@code path} as under /engine-rest), with an
   * optional JSON body.
   */
  Answer send(String method, String path, Object body) {
    try {
      HttpRequest.BodyPublisher publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(
                  JSON.writeValueAsString(body), StandardCharsets.UTF_8);
      HttpResponse<String> response =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + ENGINE + path))
                  .header("Content-Type", "application/json")
                  .header("X-XSRF-TOKEN", token)
                  .method(method, publisher)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode json =
          text != null && (text.trim().startsWith("{") || text.trim().startsWith("["))
              ? JSON.readTree(text)
              : null;
      return new Answer(response.statusCode(), json, text, response.headers());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
