package jp.lg.externalservice.system;

import static org.assertj.core.api.Assertions.assertThat;

import jp.lg.externalservice.EngineTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The diagrams, rule tables and forms of the top-level folders are deployed; unchanged ones never twice. */
class ResourceDeployerTest extends EngineTest {

  @Autowired ResourceDeployer deployer;
  @Autowired RepositoryService repositoryService;

  @Test
  @DisplayName("processes/ と forms/ のすべてがデプロイされる")
  void everythingIsDeployed() {
    assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().list())
        .extracting(definition -> definition.getKey())
        .containsExactlyInAnyOrder("external-service-application", "external-service-review", "sns-account-registration",
            "external-service-termination");
    assertThat(repositoryService.createDecisionDefinitionQuery().latestVersion().list())
        .extracting(definition -> definition.getKey())
        .containsExactlyInAnyOrder("external-service-exemption", "network-zone-matrix");
    String deploymentId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("external-service-application").latestVersion().singleResult().getDeploymentId();
    assertThat(repositoryService.getDeploymentResourceNames(deploymentId)).contains(
        "forms/application-submission.form", "forms/selection-criteria.form", "forms/risk-acceptance.form",
        "forms/measures-self-check.form", "forms/classification-result.form", "forms/double-check.form", "forms/decision.form",
        "processes/external-service-application.bpmn", "processes/network-zone-matrix.dmn");
  }

  @Test
  @DisplayName("再起動で同じファイルを再デプロイしても新しいバージョンはできない")
  void unchangedResourcesCreateNoNewVersion() {
    long deployments = repositoryService.createDeploymentQuery().count();
    long processVersions = repositoryService.createProcessDefinitionQuery().count();
    long decisionVersions = repositoryService.createDecisionDefinitionQuery().count();
    deployer.deploy();
    deployer.deploy();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(processVersions);
    assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(decisionVersions);
  }

  @Test
  @DisplayName("すべての図に履歴保存期間（5 年、ruling R-18）が設定されている")
  void historyTimeToLiveIsSet() {
    repositoryService.createProcessDefinitionQuery().list()
        .forEach(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(1825));
    repositoryService.createDecisionDefinitionQuery().list()
        .forEach(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(1825));
  }
}
