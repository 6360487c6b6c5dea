package jp.lg.externalservice.administration;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.classification.DmnRuleTables;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Over HTTP: Camunda Modeler's "Deploy" against {@code /engine-rest} with HTTP Basic, and the admin
 * endpoints for redeployment and migration, which only administrators may use.
 */
class AdministrationApiTest extends WebTest {

  private static final String BOUNDARY = "----ModelerDeployBoundary";

  @Autowired RepositoryService repositoryService;

  /** The multipart request Camunda Modeler sends for "Deploy". */
  private Answer deployAsModeler(String user, String fileName, String content) {
    StringBuilder body = new StringBuilder();
    Map<String, String> fields =
        Map.of(
            "deployment-name",
            DmnRuleTables.ZONE_MATRIX_DECISION,
            "deployment-source",
            "Camunda Modeler",
            "deploy-changed-only",
            "true");
    fields.forEach(
        (name, value) ->
            body.append("--")
                .append(BOUNDARY)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    body.append("--")
        .append(BOUNDARY)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"data\"; filename=\"")
        .append(fileName)
        .append("\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n")
        .append(content)
        .append("\r\n")
        .append("--")
        .append(BOUNDARY)
        .append("--\r\n");
    return post(
        "/engine-rest/deployment/create",
        user,
        "multipart/form-data; boundary=" + BOUNDARY,
        body.toString());
  }

  private String precheckOutcome() {
    return postJson("/api/precheck", "sato", kintone().precheckRequest())
        .body()
        .get("outcome")
        .asText();
  }

  @Test
  @DisplayName("Modeler の「Deploy」: 管理者は /engine-rest にデプロイでき、改訂したルール表が事前判定にすぐ効く。職員は 403")
  void modelerDeploysRuleTable() throws IOException {
    String revised =
        Files.readString(Path.of("processes/network-zone-matrix.dmn"), StandardCharsets.UTF_8)
            .replace(
                "<outputEntry id=\"OutputEntry_network_zone_matrix_17_1\"><text>\"ALLOWED\"</text></outputEntry>",
                "<outputEntry id=\"OutputEntry_network_zone_matrix_17_1\"><text>\"FORBIDDEN\"</text></outputEntry>");
    assertThat(precheckOutcome()).isEqualTo("APPLICATION_REQUIRED");

    Answer refused = deployAsModeler("sato", "network-zone-matrix.dmn", revised);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(precheckOutcome()).isEqualTo("APPLICATION_REQUIRED");

    Answer deployed = deployAsModeler("demo", "network-zone-matrix.dmn", revised);
    assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
    String deploymentId = deployed.body().get("id").asText();
    try {
      assertThat(deployed.body().get("deployedDecisionDefinitions")).hasSize(1);
      assertThat(precheckOutcome())
          .as("the pre-check uses the deployed table at once")
          .isEqualTo("FORBIDDEN");
      Answer check = get("/api/admin/deployments", "demo");
      assertThat(check.text())
          .as("the unchanged file in processes/ is not redeployed over it")
          .doesNotContain("\"CHANGED\"");
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
    assertThat(precheckOutcome()).isEqualTo("APPLICATION_REQUIRED");
  }

  @Test
  @DisplayName("再デプロイ API: 管理者は試行と実行ができ、変更のないファイルは新しい版にならない。管理者以外は日英の 403")
  void redeployEndpoint() {
    for (String user : new String[] {"sato", "kobayashi"}) {
      for (Answer answer :
          List.of(
              get("/api/admin/deployments", user),
              post("/api/admin/deployments", user, "application/json", ""))) {
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().get("error").asText()).contains("管理者");
        assertThat(answer.body().get("errorEn").asText()).contains("administrators");
      }
    }
    long deployments = repositoryService.createDeploymentQuery().count();
    Answer dryRun = get("/api/admin/deployments", "demo");
    assertThat(dryRun.status()).isEqualTo(200);
    assertThat(dryRun.body().get("dryRun").asBoolean()).isTrue();
    assertThat(dryRun.body().get("resources").size()).isGreaterThan(30);
    dryRun
        .body()
        .get("resources")
        .forEach(
            resource -> {
              assertThat(resource.get("status").asText()).isEqualTo("UNCHANGED");
              assertThat(resource.get("origin").asText())
                  .as("read from the top-level folders")
                  .isEqualTo("file");
            });
    Answer redeployed = post("/api/admin/deployments", "demo", "application/json", "");
    assertThat(redeployed.status()).isEqualTo(200);
    assertThat(redeployed.body().get("deploymentId").isNull()).isTrue();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  @DisplayName("移行 API: 管理者は版の一覧と移行計画を得られ、誤った指定は 400 で項目を示す。管理者以外は 403")
  void migrationEndpoint() {
    assertThat(get("/api/admin/migrations/" + CaseProcesses.REVIEW, "yamamoto").status())
        .isEqualTo(403);
    assertThat(
            postJson(
                    "/api/admin/migrations",
                    "kobayashi",
                    Map.of("processDefinitionKey", CaseProcesses.REVIEW, "sourceVersion", 1))
                .status())
        .isEqualTo(403);

    Answer versions = get("/api/admin/migrations/" + CaseProcesses.REVIEW, "demo");
    assertThat(versions.status()).isEqualTo(200);
    assertThat(versions.body().get(versions.body().size() - 1).get("latest").asBoolean()).isTrue();
    assertThat(versions.body().get(0).has("runningInstances")).isTrue();
    assertThat(get("/api/admin/migrations/no-such-process", "demo").status()).isEqualTo(400);

    Answer missing = postJson("/api/admin/migrations", "demo", Map.of("dryRun", "yes"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().get("errors"))
        .extracting(error -> error.get("field").asText())
        .containsExactly("processDefinitionKey", "sourceVersion", "dryRun");
    Answer unknown =
        postJson(
            "/api/admin/migrations",
            "demo",
            Map.of("processDefinitionKey", CaseProcesses.REVIEW, "sourceVersion", 99));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("errors").get(0).get("field").asText())
        .isEqualTo("sourceVersion");
    assertThat(unknown.body().get("errors").get(0).get("message").asText()).contains("バージョン 99");
  }
}
