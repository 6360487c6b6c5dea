package jp.lg.externalservice.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.lg.externalservice.EngineTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The diagrams, rule tables and forms of the top-level folders are deployed; unchanged ones never
 * twice.
 */
class ResourceDeployerTest extends EngineTest {

  @Autowired ResourceDeployer deployer;
  @Autowired RepositoryService repositoryService;

  private static List<String> baseNames(String folder, String extension) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(extension))
          .map(name -> name.substring(0, name.length() - extension.length()))
          .sorted()
          .toList();
    }
  }

  @Test
  @DisplayName("processes/ と forms/ のすべてがデプロイされ、ファイル名が図・表・フォームの ID と一致する")
  void everythingIsDeployed() throws IOException {
    assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().list())
        .extracting(definition -> definition.getKey())
        .containsExactlyInAnyOrderElementsOf(baseNames("processes", ".bpmn"));
    assertThat(repositoryService.createDecisionDefinitionQuery().latestVersion().list())
        .extracting(definition -> definition.getKey())
        .containsExactlyInAnyOrderElementsOf(baseNames("processes", ".dmn"));
    List<String> deployedForms =
        repositoryService.createDeploymentQuery().list().stream()
            .flatMap(
                deployment ->
                    repositoryService.getDeploymentResourceNames(deployment.getId()).stream())
            .filter(name -> name.endsWith(".form"))
            .map(name -> name.substring("forms/".length(), name.length() - 5))
            .distinct()
            .toList();
    assertThat(deployedForms).containsExactlyInAnyOrderElementsOf(baseNames("forms", ".form"));
  }

  @Test
  @DisplayName("再起動で同じファイルを再デプロイしても新しいバージョンはできない")
  void unchangedResourcesCreateNoNewVersion() {
    long deployments = repositoryService.createDeploymentQuery().count();
    long processVersions = repositoryService.createProcessDefinitionQuery().count();
    long decisionVersions = repositoryService.createDecisionDefinitionQuery().count();
    assertThat(deployer.deploy(false).deploymentId()).as("nothing deployed").isNull();
    assertThat(deployer.deploy(false).changed()).isEmpty();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(processVersions);
    assertThat(repositoryService.createDecisionDefinitionQuery().count())
        .isEqualTo(decisionVersions);
  }

  @Test
  @DisplayName("すべての図に履歴保存期間（5 年、ruling R-18）が設定されている")
  void historyTimeToLiveIsSet() {
    repositoryService
        .createProcessDefinitionQuery()
        .list()
        .forEach(
            definition ->
                assertThat(definition.getHistoryTimeToLive())
                    .as(definition.getKey())
                    .isEqualTo(1825));
    repositoryService
        .createDecisionDefinitionQuery()
        .list()
        .forEach(
            definition ->
                assertThat(definition.getHistoryTimeToLive())
                    .as(definition.getKey())
                    .isEqualTo(1825));
  }

  @Test
  @DisplayName("Modeler が同じデプロイ名で配置した版は基準にしない: 再起動しても Modeler の版を上書きしない")
  void aModelerDeploymentUnderTheSameNameIsNotTheBaseline() throws IOException {
    String form = Files.readString(Path.of("forms/review.form"));
    repositoryService
        .createDeployment()
        .name(ResourceDeployer.DEPLOYMENT_NAME)
        .source("Camunda Modeler")
        .addString("forms/review.form", form + "\n")
        .deploy();
    long deployments = repositoryService.createDeploymentQuery().count();

    DeploymentReport report = deployer.deploy(false);

    assertThat(report.deploymentId()).as("nothing deployed").isNull();
    assertThat(report.resources())
        .filteredOn(resource -> resource.resource().equals("forms/review.form"))
        .extracting(DeploymentReport.ResourceStatus::status)
        .containsExactly(DeploymentReport.Status.UNCHANGED);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }
}
