package jp.lg.externalservice.registry;

import static jp.lg.externalservice.registry.RegistryEntries.fukushiService;
import static jp.lg.externalservice.registry.RegistryEntries.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.system.JapanClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /api/services} over HTTP: filters, detail, who sees what, the CSV for Excel, bad filters,
 * no login.
 */
class RegistryApiTest extends WebTest {

  @Autowired RegistryService registry;

  private final String marker = "t" + UUID.randomUUID().toString().substring(0, 8);

  private String register(NewRegistryEntry entry) {
    return registry.register(entry, "kobayashi", "pi-" + marker);
  }

  private static List<String> ids(Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    answer.body().forEach(entry -> ids.add(entry.get("id").asText()));
    return ids;
  }

  private String approvalDate(String id) {
    return LocalDate.ofInstant(registry.find(id).orElseThrow().approvedAt(), JapanClock.ZONE)
        .toString();
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {}

  /** The raw bytes of a download (the BOM is lost when the body is read as a string). */
  private Download download(String path, String user) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    (user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    return new Download(response.statusCode(), response.body(), response.headers());
  }

  @Test
  @DisplayName("一覧: 情報政策課は全部署の台帳を台帳番号順に見られ、一覧にはイベントが含まれない")
  void listForInformationPolicy() {
    String kintone = register(service("kintone " + marker, "サイボウズ株式会社", Route.IMPORTANT));
    String zoom =
        register(fukushiService("Zoom " + marker, "Zoom Video Communications", Route.PAID));

    Answer answer = get("/api/services?q=" + marker, "yamamoto");
    assertThat(ids(answer)).containsExactly(kintone, zoom);
    JsonNode first = answer.body().get(0);
    assertThat(first.has("events")).as("the list leaves the events out").isFalse();
    assertThat(first.get("serviceName").asText()).isEqualTo("kintone " + marker);
    assertThat(first.get("departmentCode").asText()).isEqualTo("kumin");
    assertThat(first.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(first.get("route").asText()).isEqualTo("IMPORTANT");
    assertThat(first.get("periodStart").asText()).isEqualTo("2027-04-01");
    assertThat(first.get("serviceAdministrator").asText()).isEqualTo("tanaka");
    assertThat(first.get("reasonsJson").get(0).get("rule").asText())
        .as("reasons as a JSON array")
        .isEqualTo("004 §9(2)");
    assertThat(first.get("conditionsJson").get(0).asText()).isEqualTo("CAREFUL_JUDGMENT");
    for (String user : List.of("kobayashi", "demo")) {
      assertThat(ids(get("/api/services?q=" + marker, user)))
          .as(user)
          .containsExactly(kintone, zoom);
    }
  }

  @Test
  @DisplayName("一覧: 区民課の職員（sato）と所属長（tanaka）は区民課の台帳だけ、福祉課の職員（suzuki）は福祉課の台帳だけを見る")
  void listLimitedToOwnDepartment() {
    String kintone = register(service("kintone " + marker, "サイボウズ株式会社", Route.IMPORTANT));
    String zoom =
        register(fukushiService("Zoom " + marker, "Zoom Video Communications", Route.PAID));

    assertThat(ids(get("/api/services?q=" + marker, "sato"))).containsExactly(kintone);
    assertThat(ids(get("/api/services?q=" + marker, "tanaka"))).containsExactly(kintone);
    assertThat(ids(get("/api/services?q=" + marker, "suzuki"))).containsExactly(zoom);
    assertThat(ids(get("/api/services?q=" + marker + "&department=fukushi", "sato"))).isEmpty();
    Answer everything = get("/api/services", "sato");
    assertThat(ids(everything)).contains(kintone).doesNotContain(zoom);
    everything
        .body()
        .forEach(entry -> assertThat(entry.get("departmentCode").asText()).isEqualTo("kumin"));
  }

  @Test
  @DisplayName("一覧の絞り込み: 状態・部署・ルート・名称（大文字小文字を区別しない）")
  void listFilters() {
    String kintone = register(service("kintone " + marker, "サイボウズ株式会社", Route.IMPORTANT));
    String zoom =
        register(fukushiService("Zoom " + marker, "Zoom Video Communications", Route.PAID));
    String forms = register(service("Google フォーム " + marker, "Google LLC", Route.FREE));
    registry.changeStatus(
        forms, RegistryStatus.SUSPENDED, null, "tanaka", "pi-operation", "国外サーバでの保存が判明");

    String q = "&q=" + marker;
    assertThat(ids(get("/api/services?status=SUSPENDED" + q, "yamamoto"))).containsExactly(forms);
    assertThat(ids(get("/api/services?status=ACTIVE" + q, "yamamoto")))
        .containsExactly(kintone, zoom);
    assertThat(ids(get("/api/services?department=fukushi" + q, "yamamoto"))).containsExactly(zoom);
    assertThat(ids(get("/api/services?route=FREE" + q, "yamamoto"))).containsExactly(forms);
    assertThat(
            ids(
                get(
                    "/api/services?route=IMPORTANT&department=kumin&status=ACTIVE" + q,
                    "yamamoto")))
        .containsExactly(kintone);
    assertThat(
            ids(
                get(
                    "/api/services?q=" + encoded("GOOGLE フォーム " + marker.toUpperCase()),
                    "yamamoto")))
        .containsExactly(forms);
  }

  @Test
  @DisplayName("詳細: イベント付きで返る。他部署の台帳は存在しない台帳と同じ 404（存在を明かさない）")
  void detailAndVisibility() {
    String kintone = register(service("kintone " + marker, "サイボウズ株式会社", Route.IMPORTANT));
    String zoom =
        register(fukushiService("Zoom " + marker, "Zoom Video Communications", Route.PAID));
    registry.recordContract(kintone, LocalDate.of(2027, 3, 15), "tanaka", "pi-contract");

    Answer detail = get("/api/services/" + kintone, "sato");
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body().get("id").asText()).isEqualTo(kintone);
    assertThat(detail.body().get("contractDate").asText()).isEqualTo("2027-03-15");
    assertThat(detail.body().get("version").asInt()).isEqualTo(1);
    JsonNode events = detail.body().get("events");
    assertThat(events).hasSize(2);
    assertThat(events.get(0).get("eventType").asText()).isEqualTo("REGISTERED");
    assertThat(events.get(0).get("processInstanceId").asText()).isEqualTo("pi-" + marker);
    assertThat(events.get(1).get("eventType").asText()).isEqualTo("CONTRACT_RECORDED");
    assertThat(events.get(1).get("actor").asText()).isEqualTo("tanaka");

    Answer hidden = get("/api/services/" + zoom, "sato");
    Answer unknown = get("/api/services/REG-1999-9999", "sato");
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(hidden.body().get("error").asText()).isEqualTo("承認済み外部サービス台帳に " + zoom + " はありません");
    assertThat(hidden.body().get("errorEn").asText()).isEqualTo("no registry entry " + zoom);
    assertThat(hidden.text().replace(zoom, "ID"))
        .isEqualTo(unknown.text().replace("REG-1999-9999", "ID"));
    assertThat(get("/api/services/" + zoom, "suzuki").status()).isEqualTo(200);
    assertThat(get("/api/services/" + zoom, "yamamoto").status()).isEqualTo(200);
    assertThat(get("/api/services/" + kintone, "suzuki").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("スクリプトを含む名称は JSON の文字列としてそのまま返り、ブラウザに内容の推測をさせない（nosniff）")
  void hostileTextIsDataOnly() {
    String payload = "<script>alert('" + marker + "')</script>\"><img src=x onerror=alert(1)>";
    String id = register(service(payload, "=HYPERLINK(\"http://x\")", Route.IMPORTANT));

    Answer detail = get("/api/services/" + id, "sato");
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(detail.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(detail.body().get("serviceName").asText())
        .as("stored and answered exactly as typed")
        .isEqualTo(payload);
    Answer list = get("/api/services?q=" + marker, "sato");
    assertThat(list.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(list.body().get(0).get("serviceName").asText()).isEqualTo(payload);
  }

  @Test
  @DisplayName("未知の状態・ルートは 400 で、パラメータ名を日英で示す（CSV も同じ）")
  void badFilters() {
    Answer status = get("/api/services?status=RUNNING", "yamamoto");
    assertThat(status.status()).isEqualTo(400);
    assertThat(status.body().get("error").asText()).isEqualTo("入力内容に誤りがあります");
    assertThat(status.body().get("errorEn").asText()).isEqualTo("Invalid input");
    JsonNode error = status.body().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("status");
    assertThat(error.get("message").asText()).contains("ACTIVE, SUSPENDED, TERMINATED, RENEWED");
    assertThat(error.get("messageEn").asText()).contains("must be one of");

    Answer both = get("/api/services/export.csv?status=active&route=SLOW", "sato");
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.body().get("errors"))
        .extracting(e -> e.get("field").asText())
        .containsExactly("status", "route");
  }

  @Test
  @DisplayName("認証なしは 401")
  void credentialsRequired() {
    for (String path :
        List.of("/api/services", "/api/services/REG-2026-0001", "/api/services/export.csv")) {
      Answer answer = get(path, null);
      assertThat(answer.status()).as(path).isEqualTo(401);
      assertThat(answer.body().get("error").asText()).contains("ログインが必要です");
    }
  }

  @Test
  @DisplayName("CSV: BOM 付き UTF-8・CRLF・全項目を引用符で囲み・日本語の見出しと表示名、数式になる値は ' で無害化、部署で絞られる")
  void csvForExcel() throws Exception {
    RegistryEntries.ExportEntries entries =
        RegistryEntries.ExportEntries.register(registry, marker);
    String formula = entries.formula();
    String account = entries.account();
    String zoom = entries.zoom();

    Download csv = download("/api/services/export.csv?q=" + marker, "sato");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            type ->
                assertThat(type.toLowerCase()).startsWith("text/csv").contains("charset=utf-8"));
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"approved-services.csv\"");
    assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);

    String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\r\n");
    assertThat(text.replace("\r\n", "")).as("no bare line feeds").doesNotContain("\n");
    List<String> lines = List.of(text.split("\r\n"));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .isEqualTo(
            "\"台帳番号\",\"種別\",\"サービス名\",\"提供会社名\",\"部署\",\"ルート\",\"状態\","
                + "\"承認日\",\"外部サービス管理者\",\"サービス管理担当者\",\"利用開始日\",\"利用終了日\",\"契約日\",\"終了日\"");
    String approved = approvalDate(formula);
    assertThat(lines.get(1))
        .isEqualTo(
            "\""
                + formula
                + "\",\"外部サービス\","
                + "\"'=HYPERLINK(\"\"http://evil.example/"
                + marker
                + "\"\",\"\"click\"\")\",\"'+1 "
                + marker
                + "\",\"'-1\","
                + "\"重要情報の取扱いあり\",\"利用中\",\""
                + approved
                + "\",\"'@SUM(A1:A2)\",\"佐藤 花子\",\"2027-04-01\","
                + "\"2028-03-31\",\"\",\"\"");
    assertThat(lines.get(2))
        .isEqualTo(
            "\""
                + account
                + "\",\"SNS アカウント\",\"区公式 X アカウント "
                + marker
                + "\",\"X Corp.\",\"区民課\",\"\",\"利用終了\",\""
                + approvalDate(account)
                + "\",\"田中 誠\",\"\",\"2027-04-01\",\"\",\"\","
                + "\"2028-03-31\"");
    assertThat(text).doesNotContain(zoom);

    Download all = download("/api/services/export.csv?q=" + marker, "yamamoto");
    assertThat(new String(all.body(), StandardCharsets.UTF_8)).contains(zoom, formula, account);
  }
}
