package jp.lg.externalservice.attachment;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.caserecord.CaseProcesses;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Evidence attachments over HTTP: who may attach and read, which files, and the webapp session with
 * its CSRF token.
 */
class AttachmentApiTest extends WebTest {

  static final byte[] PDF = "%PDF-1.4\n% 約款の画面コピー\n".getBytes(StandardCharsets.UTF_8);

  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;

  private String taskId;

  @BeforeEach
  void applicationWaitingForSato() {
    Map<String, Object> variables = new LinkedHashMap<>();
    kintone()
        .paid(false)
        .variables()
        .forEach(
            (name, value) ->
                variables.put(
                    name,
                    value instanceof JsonValue json
                        ? org.camunda.spin.plugin.variable.SpinValues.jsonValue(
                                json.getValueSerialized())
                            .create()
                        : value));
    identityService.setAuthentication("sato", java.util.List.of("staff", "dept-kumin"));
    try {
      String definition =
          repositoryService
              .createProcessDefinitionQuery()
              .processDefinitionKey(CaseProcesses.APPLICATION)
              .latestVersion()
              .singleResult()
              .getId();
      String instance = formService.submitStartForm(definition, variables).getId();
      taskId = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Answer upload(
      String user,
      String fileName,
      byte[] content,
      Map<String, String> extraHeaders,
      HttpClient client) {
    String boundary = "----attachment" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(
        ("\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n約款\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/tasks/" + taskId + "/attachments"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (user != null) {
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()));
    }
    extraHeaders.forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.body().startsWith("{") || response.body().startsWith("[")
              ? JSON.readTree(response.body())
              : null,
          response.body(),
          response.headers());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer upload(String user, String fileName, byte[] content) {
    return upload(user, fileName, content, Map.of(), HttpClient.newHttpClient());
  }

  @Test
  @DisplayName("申請者がタスクに PDF を添付し、一覧に出て、内容を取り出せる。他部署の職員には見えない")
  void attachAndRead() {
    Answer stored = upload("sato", "約款.pdf", PDF);
    assertThat(stored.status()).isEqualTo(201);
    assertThat(stored.body().get("name").asText()).isEqualTo("約款.pdf");
    assertThat(stored.body().get("type").asText()).isEqualTo("application/pdf");
    assertThat(stored.body().get("description").asText()).contains("佐藤 花子", "約款");

    JsonNode list = get("/api/tasks/" + taskId + "/attachments", "sato").body();
    assertThat(list).hasSize(1);
    String id = list.get(0).get("id").asText();
    Answer content = get("/api/attachments/" + id + "/content", "sato");
    assertThat(content.status()).isEqualTo(200);
    assertThat(content.text()).startsWith("%PDF");
    assertThat(get("/api/attachments/" + id + "/content", "yamamoto").status())
        .as("情報政策課 reads every case")
        .isEqualTo(200);
    assertThat(get("/api/attachments/" + id + "/content", "suzuki").status()).isEqualTo(404);
    assertThat(get("/api/tasks/" + taskId + "/attachments", "suzuki").status()).isEqualTo(404);
    assertThat(upload("suzuki", "x.pdf", PDF).status())
        .as("only people working on the task attach")
        .isEqualTo(404);
  }

  @Test
  @DisplayName("PDF・画像以外、拡張子と中身が違うもの、空のファイル、上限超えは拒否され、理由が日英で示される")
  void badFiles() {
    Answer exe = upload("sato", "tool.exe", "MZ".getBytes());
    assertThat(exe.status()).isEqualTo(400);
    assertThat(exe.text()).contains("PDF・PNG・JPEG・GIF", "only PDF");
    Answer disguised = upload("sato", "screenshot.png", "<script>alert(1)</script>".getBytes());
    assertThat(disguised.status()).isEqualTo(400);
    assertThat(disguised.body().get("errors").get(0).get("field").asText()).isEqualTo("file");
    assertThat(upload("sato", "empty.pdf", new byte[0]).status()).isEqualTo(400);
    byte[] big = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 100);
    Answer tooLarge = upload("sato", "big.pdf", big);
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(tooLarge.text()).contains("大きすぎます");
    Answer wayTooLarge = upload("sato", "huge.pdf", Arrays.copyOf(PDF, 13 * 1024 * 1024));
    assertThat(wayTooLarge.status()).isEqualTo(413);
    assertThat(get("/api/tasks/" + taskId + "/attachments", "sato").body()).isEmpty();
    assertThat(upload(null, "x.pdf", PDF).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("Tasklist のセッションで添付できるが、CSRF トークンがなければ拒否される")
  void webappSessionNeedsCsrfToken() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=sato&password="
                            + URLEncoder.encode("sato", StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    // the login starts a new session with a new token, which the next page load hands out as
    // Tasklist receives it
    String token =
        browser
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + port + "/camunda/api/admin/auth/user/default"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .headers()
            .firstValue("X-XSRF-TOKEN")
            .orElseThrow();

    assertThat(upload(null, "約款.pdf", PDF, Map.of(), browser).status()).isEqualTo(403);
    assertThat(upload(null, "約款.pdf", PDF, Map.of("X-XSRF-TOKEN", token), browser).status())
        .isEqualTo(201);
  }
}
