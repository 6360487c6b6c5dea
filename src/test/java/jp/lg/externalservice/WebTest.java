package jp.lg.externalservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tests over real HTTP against the application on a random port (demo users, in-memory H2).
 *
 * <p>Every subclass shares one Spring context. A subclass that changes it ({@code
 * DynamicPropertySource}, {@code TestPropertySource}, another profile) must carry
 * {@code @Tag("own-application-context")}, so that it runs in a JVM of its own (pom.xml): Camunda's
 * webapp filters and engine registry are static per JVM, and a second web context would take over
 * the logins of the shared one (its tests then get 401).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public abstract class WebTest {

  protected static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @LocalServerPort protected int port;
  @Autowired private ManagementService managementService;
  @Autowired private org.camunda.bpm.engine.HistoryService historyService;

  /**
   * Everything a request could have stored: instances, decision evaluations, variables (compare
   * before and after).
   */
  protected long storedRecords() {
    return historyService.createHistoricProcessInstanceQuery().count()
        + historyService.createHistoricDecisionInstanceQuery().count()
        + historyService.createHistoricVariableInstanceQuery().count();
  }

  /**
   * Runs the pending asynchronous continuations (the registry writes), as the job executor would.
   */
  protected void runAsyncContinuations() {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = managementService.createJobQuery().messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  /**
   * Files an application through the engine REST API as Tasklist does: the start form (the service
   * name) opens the draft, then {@code user} submits the application form in {@code
   * Task_FillInApplication}. Both steps must succeed; the answer is the process instance id.
   */
  protected String fileApplication(String user, Map<String, Object> variables) {
    String instance = startApplication(user, variables);
    Answer filed =
        postJson(
            "/engine-rest/task/" + fillInTask(instance, user) + "/submit-form",
            user,
            formVariables(variables));
    assertStatus(filed, 204);
    runAsyncContinuations();
    return instance;
  }

  /** Only the start form: the id of a draft application. */
  protected String startApplication(String user, Map<String, Object> variables) {
    Answer started =
        postJson(
            "/engine-rest/process-definition/key/"
                + jp.lg.externalservice.caserecord.CaseProcesses.APPLICATION
                + "/submit-form",
            user,
            formVariables(Map.of("serviceName", variables.get("serviceName"))));
    assertStatus(started, 200);
    return started.body().get("id").asText();
  }

  /** The id of the draft's {@code Task_FillInApplication}, as {@code user} sees it. */
  protected String fillInTask(String instance, String user) {
    Answer tasks =
        get(
            "/engine-rest/task?processInstanceId="
                + instance
                + "&taskDefinitionKey="
                + jp.lg.externalservice.application.ApplicationProcess.Element.FILL_IN_APPLICATION,
            user);
    assertStatus(tasks, 200);
    if (tasks.body().size() != 1) {
      throw new AssertionError("no draft task in " + instance + ": " + tasks.text());
    }
    return tasks.body().get(0).get("id").asText();
  }

  private static void assertStatus(Answer answer, int expected) {
    if (answer.status() != expected) {
      throw new AssertionError(
          "expected HTTP " + expected + " but got " + answer.status() + ": " + answer.text());
    }
  }

  /** A JSON answer: status and parsed body (null when the body is empty). */
  public record Answer(int status, JsonNode body, String text, java.net.http.HttpHeaders headers) {}

  protected Answer post(String path, String user, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return send(authenticate(request, user));
  }

  /** Any method (PUT, DELETE…) with an optional JSON body. */
  protected Answer send(String method, String path, String user, Object body) {
    try {
      HttpRequest.BodyPublisher publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(
                  JSON.writeValueAsString(body), StandardCharsets.UTF_8);
      return send(
          authenticate(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Content-Type", "application/json")
                  .method(method, publisher),
              user));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  protected Answer get(String path, String user) {
    return send(
        authenticate(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(), user));
  }

  protected Answer postJson(String path, String user, Object body) {
    try {
      return post(path, user, "application/json", JSON.writeValueAsString(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Form variables as the engine REST API takes them in {@code submit-form} ({@code Json} for Spin
   * JSON values).
   */
  public static Map<String, Object> formVariables(Map<String, Object> variables) {
    Map<String, Object> rest = new LinkedHashMap<>();
    variables.forEach(
        (name, value) ->
            rest.put(
                name,
                value instanceof JsonValue json
                    ? Map.of("value", json.getValueSerialized(), "type", "Json")
                    : value == null ? Map.of("type", "Null") : Map.of("value", value)));
    return Map.of("variables", rest);
  }

  /** user "name:password", or a demo user whose password is their id; null sends no credentials. */
  private static HttpRequest.Builder authenticate(HttpRequest.Builder request, String user) {
    if (user != null) {
      String credentials = user.contains(":") ? user : user + ":" + user;
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode body = null;
      if (text != null && !text.isBlank() && text.trim().startsWith("{")
          || text != null && text.trim().startsWith("[")) {
        body = JSON.readTree(text);
      }
      return new Answer(response.statusCode(), body, text, response.headers());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
