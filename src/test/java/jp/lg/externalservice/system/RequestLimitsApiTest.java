package jp.lg.externalservice.system;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.application.ApplicationProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, "Size": hostile sizes get a short 400 or 413, nothing is stored, and no one runs out
 * of memory.
 */
class RequestLimitsApiTest extends WebTest {

  private static final String START_FORM =
      "/engine-rest/process-definition/key/" + ApplicationProcess.KEY + "/submit-form";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private long storedBefore;

  @BeforeEach
  void countStoredRecords() {
    storedBefore = storedRecords();
  }

  /**
   * A precheck request whose informationTypes has {@code count} invalid values (about 10 bytes
   * each).
   */
  private static String precheckWith(int count) {
    Map<String, Object> request = new HashMap<>(kintone().precheckRequest());
    request.put("informationTypes", Collections.nCopies(count, "NOT_A_TYPE"));
    try {
      return JSON.writeValueAsString(request);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends the body without a Content-Length (chunked), as a client streaming an endless body would.
   */
  private Answer chunked(String path, String user, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(bytes)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.body().startsWith("{") ? JSON.readTree(response.body()) : null,
        response.body(),
        response.headers());
  }

  private static void assertShortBilingual413(Answer answer) {
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.text().length()).isLessThan(1000);
    assertThat(answer.body().get("error").asText()).contains("大きすぎます");
    assertThat(answer.body().get("errorEn").asText()).contains("too large", "1MB");
  }

  @Test
  @DisplayName("100 万件の informationTypes を送った事前確認は、読まれずに短い 413 で断られる")
  void millionElementPrecheckIsRefusedUnread() throws Exception {
    String body = precheckWith(1_000_000);
    assertShortBilingual413(post("/api/precheck", "sato", "application/json", body));
    assertShortBilingual413(chunked("/api/precheck", "sato", body));
  }

  @Test
  @DisplayName("上限内でも長すぎる配列は 400、誤りは先頭 50 件と残りの件数だけが返る")
  void arraysAndErrorListsAreCapped() throws Exception {
    Answer tooLong = post("/api/precheck", "sato", "application/json", precheckWith(50_000));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.text().length()).isLessThan(2000);
    assertThat(tooLong.body().get("errors").get(0).get("field").asText())
        .isEqualTo("informationTypes");
    assertThat(tooLong.body().get("errors").get(0).get("messageEn").asText())
        .contains("at most 100 items");

    Map<String, Object> request = new HashMap<>(kintone().precheckRequest());
    request.put("informationTypes", Collections.nCopies(100, "NOT_A_TYPE"));
    request.put("connectionZones", Collections.nCopies(100, "NOT_A_ZONE"));
    Answer many = postJson("/api/precheck", "sato", request);
    assertThat(many.status()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    many.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
    assertThat(fields).hasSize(51).startsWith("informationTypes[0]").endsWith("(more)");
    assertThat(many.body().get("errors").get(50).get("message").asText()).contains("150 件");
    assertThat(many.body().get("errors").get(50).get("messageEn").asText()).contains("150 more");
  }

  @Test
  @DisplayName("engine REST の submit-form に巨大な本文を送ると 413 で、申請は何も記録されない")
  void hugeSubmitFormIsRefusedAndNothingStored() throws Exception {
    String body = startFormWith("informationTypes", 300_000);
    assertThat(body.length()).isGreaterThan(3_000_000);
    assertShortBilingual413(post(START_FORM, "sato", "application/json", body));
    assertShortBilingual413(chunked(START_FORM, "sato", body));
    // Tasklist's path; refused before any login is looked at, so nobody's body is read unbounded
    assertShortBilingual413(
        post(
            "/camunda/api/engine/engine/default/process-definition/key/"
                + ApplicationProcess.KEY
                + "/submit-form",
            null,
            "application/json",
            body));
    assertThat(storedRecords()).isEqualTo(storedBefore);
  }

  @Test
  @DisplayName("上限内の長い JSON 配列を submit-form で送っても 400 で、何も記録されない")
  void longJsonArrayInSubmitFormIsRefused() throws Exception {
    for (String variable : List.of("informationTypes", "unrelatedList")) {
      Answer answer = post(START_FORM, "sato", "application/json", startFormWith(variable, 5_000));
      assertThat(answer.status()).as(variable).isEqualTo(400);
      assertThat(answer.text()).contains(variable).hasSizeLessThan(2000);
    }
    assertThat(storedRecords()).isEqualTo(storedBefore);
  }

  /**
   * The start form of an application (the service name) with the JSON variable {@code name} holding
   * {@code count} elements.
   */
  private static String startFormWith(String name, int count) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> rest =
        new HashMap<>(
            (Map<String, Object>) formVariables(Map.of("serviceName", "kintone")).get("variables"));
    rest.put(
        name,
        Map.of(
            "type",
            "Json",
            "value",
            JSON.writeValueAsString(Collections.nCopies(count, "PERSONAL"))));
    return JSON.writeValueAsString(Map.of("variables", rest));
  }
}
