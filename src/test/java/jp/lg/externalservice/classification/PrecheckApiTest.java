package jp.lg.externalservice.classification;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/precheck} over HTTP, exactly as rulings.md §3 specifies it, including bad input.
 */
class PrecheckApiTest extends WebTest {

  private long storedBefore;

  @BeforeEach
  void countStoredRecords() {
    storedBefore = storedRecords();
  }

  private Answer precheck(Object body) {
    return postJson("/api/precheck", "sato", body);
  }

  private static List<String> fields(Answer answer) {
    List<String> fields = new ArrayList<>();
    answer
        .body()
        .get("errors")
        .forEach(
            error -> {
              assertThat(error.get("message").asText()).as("Japanese message").isNotBlank();
              assertThat(error.get("messageEn").asText()).as("English message").isNotBlank();
              fields.add(error.get("field").asText());
            });
    return fields;
  }

  @Test
  @DisplayName("kintone で要配慮個人情報 → 重要情報ルートの全項目が契約どおりに返る。何も保存されない")
  void kintoneWithSensitiveInformation() {
    Map<String, Object> request =
        kintone().informationTypes("PERSONAL", "SENSITIVE_PERSONAL").precheckRequest();
    Answer answer = precheck(request);
    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = answer.body();
    assertThat(body.get("outcome").asText()).isEqualTo("APPLICATION_REQUIRED");
    assertThat(body.get("route").asText()).isEqualTo("IMPORTANT");
    assertThat(body.get("importantInformation").asBoolean()).isTrue();
    assertThat(body.get("applicationForm").asText()).isEqualTo("様式1");
    assertThat(body.get("itPlanningRequired").asBoolean()).isTrue();
    assertThat(body.get("conditions").toString()).isEqualTo("[\"CAREFUL_JUDGMENT\"]");
    assertThat(body.get("zoneVerdicts").toString())
        .isEqualTo("{\"INTERNET\":\"CAREFUL_JUDGMENT\"}");
    assertThat(body.get("checklists").toString()).isEqualTo("[\"様式4\",\"様式5\",\"様式6\",\"様式3\"]");
    assertThat(body.get("reasons").get(0).get("rule").asText()).isEqualTo("004 §9(2)");
    assertThat(body.get("reasons").get(0).get("message").asText()).contains("様式1");
    assertThat(storedRecords())
        .as("the pre-check starts and stores nothing")
        .isEqualTo(storedBefore);
  }

  @Test
  @DisplayName("申請不要・利用不可の回答では route と applicationForm が null になる")
  void nullsWhereNoRoute() {
    Answer answer =
        precheck(
            kintone()
                .service("LoGo チャット", "LGWAN_ASP_INTERNET", "BUSINESS_APPLICATION")
                .exemption("LOGO_CHAT")
                .paid(false)
                .connectionZones("LGWAN")
                .informationTypes("PERSONAL")
                .precheckRequest());
    assertThat(answer.body().get("outcome").asText()).isEqualTo("FORBIDDEN");
    assertThat(answer.body().get("route").isNull()).isTrue();
    assertThat(answer.body().get("applicationForm").isNull()).isTrue();
    assertThat(answer.body().get("checklists")).isEmpty();
    assertThat(answer.body().get("reasons").get(0).get("message").asText()).contains("利用不可※");
  }

  @Test
  @DisplayName(
      "任意項目（providerName, streamingWithConsent, providedByInformationPolicyDivision）は省略できる")
  void optionalFieldsMayBeOmitted() {
    Map<String, Object> request = new java.util.HashMap<>(kintone().precheckRequest());
    request.remove("providerName");
    request.remove("streamingWithConsent");
    request.remove("providedByInformationPolicyDivision");
    request.put("informationTypes", List.of());
    assertThat(precheck(request).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("必須項目の欠落・未知の値・空の接続元・誤った型は 400 で、誤った項目をすべて日英で示す")
  void badInputNamesEveryField() {
    Map<String, Object> request = new java.util.HashMap<>(kintone().precheckRequest());
    request.remove("serviceName");
    request.put("serviceKind", "SATELLITE");
    request.put("connectionZones", List.of());
    request.put("paid", "yes");
    request.put("informationTypes", List.of("PERSONAL", "SECRET"));
    request.put("exemption", 5);
    request.put("streamingWithConsent", "true");
    Answer answer = precheck(request);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("error").asText()).isEqualTo("入力内容に誤りがあります");
    assertThat(answer.body().get("errorEn").asText()).isEqualTo("Invalid input");
    assertThat(fields(answer))
        .containsExactly(
            "serviceName",
            "serviceKind",
            "paid",
            "informationTypes[1]",
            "connectionZones",
            "exemption",
            "streamingWithConsent");
    assertThat(answer.text())
        .contains("GOVERNMENT_CLOUD, LGWAN_ASP_NATIONAL", "must be one of", "必須項目です");
    assertThat(storedRecords()).isEqualTo(storedBefore);
  }

  @Test
  @DisplayName("配列の代わりに文字列やオブジェクトを送ると 400")
  void wrongJsonTypes() {
    Map<String, Object> request = new java.util.HashMap<>(kintone().precheckRequest());
    request.put("connectionZones", "INTERNET");
    request.put("informationTypes", Map.of("type", "PERSONAL"));
    request.put("serviceName", 42);
    Answer answer = precheck(request);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(fields(answer))
        .containsExactly("serviceName", "informationTypes", "connectionZones");
  }

  @Test
  @DisplayName("壊れた JSON、JSON オブジェクト以外、JSON 以外の Content-Type は 400/415 で説明される")
  void unreadableBodies() {
    Answer malformed = post("/api/precheck", "sato", "application/json", "{\"serviceName\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(fields(malformed)).containsExactly("(body)");
    Answer array = post("/api/precheck", "sato", "application/json", "[1,2]");
    assertThat(array.status()).isEqualTo(400);
    assertThat(fields(array)).containsExactly("(body)");
    Answer text = post("/api/precheck", "sato", "text/plain", "kintone");
    assertThat(text.status()).isEqualTo(415);
    assertThat(fields(text)).containsExactly("Content-Type");
    assertThat(storedRecords()).isEqualTo(storedBefore);
  }

  @Test
  @DisplayName("ログインなし・誤ったパスワードでは 401（日英のメッセージ付き）")
  void requiresLogin() {
    Answer anonymous = postJson("/api/precheck", null, kintone().precheckRequest());
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body().get("error").asText()).contains("ログインが必要です");
    assertThat(postJson("/api/precheck", "ito:wrong", kintone().precheckRequest()).status())
        .isEqualTo(401);
  }
}
