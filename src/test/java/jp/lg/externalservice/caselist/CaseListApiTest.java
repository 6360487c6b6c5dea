package jp.lg.externalservice.caselist;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.WebTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 申請一覧 and drafts over real HTTP: who sees which application, and a draft that is kept. */
class CaseListApiTest extends WebTest {

  @Autowired private RuntimeService runtimeService;

  private static List<String> numbers(Answer answer) {
    List<String> numbers = new ArrayList<>();
    answer.body().forEach(row -> numbers.add(row.get("caseNumber").asText()));
    return numbers;
  }

  private static JsonNode row(Answer answer, String caseNumber) {
    for (JsonNode row : answer.body()) {
      if (row.get("caseNumber").asText().equals(caseNumber)) {
        return row;
      }
    }
    throw new AssertionError("no row " + caseNumber + " in " + answer.text());
  }

  private String caseNumber(String instance) {
    return (String) runtimeService.getVariable(instance, "caseNumber");
  }

  @Test
  @DisplayName("申請一覧: 申請者は自分の申請、所属長は部署の申請、情報政策課はすべてを、状態・現在の手順・担当者・期限つきで見る")
  void everyoneSeesWhatTheyMay() {
    String draft =
        startApplication("sato", kintone().with("serviceName", "下書きの kintone").variables());
    String filed =
        fileApplication("sato", kintone().with("serviceName", "提出した kintone").variables());
    String other =
        fileApplication(
            "suzuki",
            kintone()
                .with("serviceName", "福祉課の kintone")
                .with("serviceManager", "suzuki")
                .variables());
    String draftNumber = caseNumber(draft);
    String filedNumber = caseNumber(filed);
    String otherNumber = caseNumber(other);
    assertThat(draftNumber).matches("R[0-9]+-[0-9]{4,}").isNotEqualTo(filedNumber);

    Answer sato = get("/api/applications", "sato");
    assertThat(sato.status()).isEqualTo(200);
    assertThat(numbers(sato)).contains(draftNumber, filedNumber).doesNotContain(otherNumber);
    JsonNode draftRow = row(sato, draftNumber);
    assertThat(draftRow.get("status").asText()).isEqualTo("DRAFT");
    assertThat(draftRow.get("statusLabel").asText()).isEqualTo("下書き");
    assertThat(draftRow.get("currentStep").asText()).isEqualTo("申請書を作成して提出する");
    assertThat(draftRow.get("holder").asText()).isEqualTo("佐藤 花子");
    assertThat(draftRow.get("serviceName").asText()).isEqualTo("下書きの kintone");
    JsonNode filedRow = row(sato, filedNumber);
    assertThat(filedRow.get("statusLabel").asText()).isEqualTo("手続中");
    assertThat(filedRow.get("currentStep").asText()).isEqualTo("利用に係るリスクを確認する");
    assertThat(filedRow.get("dueDate").isNull()).isFalse();
    assertThat(filedRow.get("routeLabel").asText()).startsWith("重要情報の取扱いなし");
    assertThat(filedRow.get("mine").asBoolean()).isTrue();

    assertThat(numbers(get("/api/applications", "suzuki")))
        .contains(otherNumber)
        .doesNotContain(draftNumber, filedNumber);
    assertThat(numbers(get("/api/applications", "tanaka")))
        .as("区民課の所属長")
        .contains(draftNumber, filedNumber)
        .doesNotContain(otherNumber);
    assertThat(numbers(get("/api/applications", "takahashi")))
        .as("区民課の利用責任者 sees only his own")
        .doesNotContain(draftNumber, filedNumber, otherNumber);
    assertThat(numbers(get("/api/applications", "yamamoto")))
        .as("情報政策課")
        .contains(draftNumber, filedNumber, otherNumber);

    Answer record = get("/api/applications/" + filedNumber, "sato");
    assertThat(record.status()).isEqualTo(200);
    assertThat(record.text()).contains("有料・無料", "区民相談", "申請書を作成して提出する");
    assertThat(record.body().get("history").get(0).get("actor").asText()).isEqualTo("佐藤 花子");
    assertThat(get("/api/applications/" + filedNumber, "suzuki").status())
        .as("another department's case: the same answer as an unknown number")
        .isEqualTo(404);
    assertThat(get("/api/applications/R99-9999", "sato").status()).isEqualTo(404);
    assertThat(get("/api/applications/" + filedNumber, "yamamoto").status()).isEqualTo(200);
    assertThat(get("/api/applications", null).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("下書き: 申請者だけが自分の申請書の項目を保存でき、別の PC で開いても残っている。他人・他の項目・他のタスクは拒否される")
  void draftsAreKeptForTheApplicantOnly() {
    String draft = startApplication("sato", kintone().with("serviceName", "下書き").variables());
    String task = fillInTask(draft, "sato");
    Answer saved =
        send(
            "PUT",
            "/api/tasks/" + task + "/draft",
            "sato",
            Map.of(
                "providerName",
                "サイボウズ株式会社",
                "userCount",
                12,
                "informationTypes",
                List.of("PERSONAL"),
                "paid",
                true));
    assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    assertThat(runtimeService.getVariable(draft, "providerName")).isEqualTo("サイボウズ株式会社");
    assertThat(((Number) runtimeService.getVariable(draft, "userCount")).intValue()).isEqualTo(12);
    Answer form = get("/engine-rest/task/" + task + "/form-variables", "sato");
    assertThat(form.body().get("providerName").get("value").asText()).isEqualTo("サイボウズ株式会社");

    Answer fact =
        send("PUT", "/api/tasks/" + task + "/draft", "sato", Map.of("applicant", "suzuki"));
    assertThat(fact.status()).isEqualTo(400);
    assertThat(fact.text()).contains("applicant");
    Answer huge =
        send("PUT", "/api/tasks/" + task + "/draft", "sato", Map.of("purpose", "x".repeat(20_000)));
    assertThat(huge.status()).isEqualTo(400);
    assertThat(huge.text()).contains("purpose");
    assertThat(runtimeService.getVariable(draft, "applicant")).isEqualTo("sato");
    assertThat(
            send("PUT", "/api/tasks/" + task + "/draft", "suzuki", Map.of("purpose", "乗っ取り"))
                .status())
        .isEqualTo(404);
    assertThat(runtimeService.getVariable(draft, "purpose")).isNull();

    String filed = fileApplication("sato", kintone().variables());
    String routeTask =
        get("/engine-rest/task?processInstanceId=" + filed, "sato")
            .body()
            .get(0)
            .get("id")
            .asText();
    assertThat(
            send("PUT", "/api/tasks/" + routeTask + "/draft", "sato", Map.of("purpose", "x"))
                .status())
        .as("only the application form takes a draft")
        .isEqualTo(404);
  }
}
