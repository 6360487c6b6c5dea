package jp.lg.externalservice.administration;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.TaskAnswers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.classification.DmnRuleTables;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.PrecheckController;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.system.DeploymentRefusedException;
import jp.lg.externalservice.system.DeploymentReport;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import jp.lg.externalservice.system.ResourceDeployer;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 7: an administrator revises a diagram or a rule table in a copy of {@code processes/} (as
 * Modeler saves it), the running system deploys it, new applications use it, running ones continue
 * on their version or are migrated, and a bad revision is refused as a whole. Every deployment and
 * instance made here is removed again: the other tests share this engine and expect the production
 * versions to be the latest.
 */
class RevisionTest extends EngineTest {

  static final String REVIEW_FILE = "processes/external-service-review.bpmn";
  static final String ZONE_MATRIX_FILE = "processes/network-zone-matrix.dmn";

  /** The step an administrator adds to the review flow in these tests. */
  static final String ADDED_STEP = "Task_ConfirmReviewWithinDivision";

  @Autowired ResourceDeployer deployer;
  @Autowired RepositoryService repositoryService;
  @Autowired MigrationService migrationService;
  @Autowired PrecheckController precheck;

  @TempDir Path directory;
  private Set<String> deploymentsBefore;
  private final List<ProcessInstance> started = new java.util.ArrayList<>();

  @BeforeEach
  void copyFoldersAsAnAdministratorWouldHaveThem() throws IOException {
    deploymentsBefore = deploymentIds();
    for (String folder : new String[] {"processes", "forms"}) {
      Files.createDirectories(directory.resolve(folder));
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.toList()) {
          Files.copy(file, directory.resolve(folder).resolve(file.getFileName()));
        }
      }
    }
  }

  @AfterEach
  void removeWhatThisTestDeployed() {
    started.forEach(
        instance -> {
          if (runtimeService
                  .createProcessInstanceQuery()
                  .processInstanceId(instance.getId())
                  .count()
              > 0) {
            runtimeService.deleteProcessInstance(instance.getId(), "test cleanup");
          }
        });
    for (String id : deploymentIds()) {
      if (!deploymentsBefore.contains(id)) {
        repositoryService.deleteDeployment(id, true);
      }
    }
  }

  private Set<String> deploymentIds() {
    return new HashSet<>(
        repositoryService.createDeploymentQuery().list().stream().map(Deployment::getId).toList());
  }

  private String read(String file) throws IOException {
    return Files.readString(directory.resolve(file), StandardCharsets.UTF_8);
  }

  private void write(String file, String content) throws IOException {
    Files.writeString(directory.resolve(file), content, StandardCharsets.UTF_8);
  }

  /**
   * The review diagram with a user task for 情報政策課 inserted between the review and what follows it.
   */
  private String reviewWithAddedStep() throws IOException {
    String diagram = read(REVIEW_FILE);
    String flow =
        "<bpmn:sequenceFlow id=\"Flow_Reviewed\" sourceRef=\"Task_Review\" targetRef=\"Gateway_NiscAdvice\" />";
    assertThat(diagram).contains(flow);
    return diagram.replace(
        flow,
        "<bpmn:sequenceFlow id=\"Flow_Reviewed\" sourceRef=\"Task_Review\" targetRef=\""
            + ADDED_STEP
            + "\" />\n"
            + "    <bpmn:userTask id=\""
            + ADDED_STEP
            + "\" name=\"審査結果を課内で確認する\""
            + " camunda:candidateGroups=\"policy-reviewer\" />\n"
            + "    <bpmn:sequenceFlow id=\"Flow_ConfirmedWithinDivision\" sourceRef=\""
            + ADDED_STEP
            + "\""
            + " targetRef=\"Gateway_NiscAdvice\" />");
  }

  /**
   * The zone matrix with CLOUD_INTERNET × INTERNET without sensitive information turned from 〇 to
   * ×.
   */
  private String zoneMatrixForbiddingCloudFromInternet() throws IOException {
    String table = read(ZONE_MATRIX_FILE);
    String cell =
        "<outputEntry id=\"OutputEntry_network_zone_matrix_17_1\"><text>\"ALLOWED\"</text></outputEntry>";
    assertThat(table).contains(cell);
    return table.replace(cell, cell.replace("ALLOWED", "FORBIDDEN"));
  }

  private int latestVersion(String key) {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult()
        .getVersion();
  }

  private ProcessInstance inReview() {
    ProcessInstance instance = submitApplication("sato", kintone().variables());
    started.add(instance);
    submitTask("sato", task(instance), risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    submitTask("sato", task(instance), measuresAllMet());
    complete(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("FORWARD", null));
    assertThat(task(instance, ReviewProcess.Element.REVIEW)).isNotNull();
    return instance;
  }

  private ProcessInstance reviewOf(ProcessInstance application) {
    return calledInstance(application, ReviewProcess.KEY);
  }

  private int reviewVersion(ProcessInstance application) {
    return repositoryService
        .getProcessDefinition(reviewOf(application).getProcessDefinitionId())
        .getVersion();
  }

  private void completeAddedStep(ProcessInstance application) {
    Task added = task(application, ADDED_STEP);
    asUser(
        "nakamura",
        () -> {
          taskService.claim(added.getId(), "nakamura");
          taskService.complete(added.getId());
        });
  }

  /** {@code POST /api/precheck} for the default kintone application. */
  private Outcome precheckOutcome() {
    return as(
        "sato",
        () ->
            precheck
                .precheck(
                    new com.fasterxml.jackson.databind.ObjectMapper()
                        .valueToTree(kintone().precheckRequest()))
                .outcome());
  }

  @Test
  @DisplayName("審査フローに手順を追加してデプロイ: 新しい申請は新版、実行中の申請は旧版のまま、移行した申請は新版で続く")
  void addedStepInTheReviewFlow() throws IOException {
    int before = latestVersion(ReviewProcess.KEY);
    ProcessInstance stays = inReview();
    ProcessInstance moves = inReview();

    write(REVIEW_FILE, reviewWithAddedStep());
    DeploymentReport dryRun = deployer.deploy(directory, true);
    assertThat(dryRun.changed()).containsExactly(REVIEW_FILE);
    assertThat(latestVersion(ReviewProcess.KEY)).as("a dry run deploys nothing").isEqualTo(before);

    DeploymentReport report = deployer.deploy(directory, false);
    assertThat(report.changed())
        .as("only the changed file gets a new version")
        .containsExactly(REVIEW_FILE);
    assertThat(report.deployedDefinitions())
        .extracting(DeploymentReport.DeployedDefinition::key)
        .containsExactly(ReviewProcess.KEY);
    assertThat(latestVersion(ReviewProcess.KEY)).isEqualTo(before + 1);
    assertThat(deployer.deploy(directory, false).deploymentId())
        .as("deploying again changes nothing")
        .isNull();

    // A new application is reviewed on the new version: the added step follows the review.
    ProcessInstance fresh = inReview();
    assertThat(reviewVersion(fresh)).isEqualTo(before + 1);
    complete(fresh, ReviewProcess.Element.REVIEW, "yamamoto", review("APPROVE", "確認済み"));
    assertThat(task(fresh, ADDED_STEP)).isNotNull();
    assertThat(task(fresh, ReviewProcess.Element.DECIDE)).isNull();
    completeAddedStep(fresh);
    complete(
        fresh,
        ReviewProcess.Element.REVIEW_IT_PLANNING,
        "kimura",
        vars("itPlanningDecision", "APPROVED"));
    assertThat(task(fresh, ReviewProcess.Element.DECIDE)).isNotNull();

    // The migration plan maps every activity of the old version; a dry run changes nothing.
    MigrationReport plan =
        migrationService.migrate(
            new MigrationRequest(
                ReviewProcess.KEY, before, null, List.of(reviewOf(moves).getId()), false, true));
    assertThat(plan.target().version()).isEqualTo(before + 1);
    assertThat(plan.instructions())
        .extracting(MigrationReport.Instruction::sourceActivityId)
        .contains(ReviewProcess.Element.REVIEW, ReviewProcess.Element.DECIDE);
    assertThat(plan.unmappedActivityIds()).isEmpty();
    assertThat(plan.instances())
        .singleElement()
        .satisfies(
            instance -> {
              assertThat(instance.migratable()).isTrue();
              assertThat(instance.activityIds()).contains(ReviewProcess.Element.REVIEW);
            });
    assertThat(plan.migrated()).isZero();
    assertThat(reviewVersion(moves)).as("dry run").isEqualTo(before);

    MigrationReport done =
        migrationService.migrate(
            new MigrationRequest(
                ReviewProcess.KEY, before, null, List.of(reviewOf(moves).getId()), false, false));
    assertThat(done.migrated()).isEqualTo(1);
    assertThat(reviewVersion(moves)).isEqualTo(before + 1);
    assertThat(task(moves, ReviewProcess.Element.REVIEW).getDueDate())
        .as("the task keeps its due date")
        .isNotNull();

    // The migrated application continues on the new version, the other one on the old.
    complete(moves, ReviewProcess.Element.REVIEW, "yamamoto", review("APPROVE", "確認済み"));
    assertThat(task(moves, ADDED_STEP)).isNotNull();
    completeAddedStep(moves);
    complete(
        moves,
        ReviewProcess.Element.REVIEW_IT_PLANNING,
        "kimura",
        vars("itPlanningDecision", "APPROVED"));
    complete(moves, ReviewProcess.Element.DECIDE, "kobayashi", decision("APPROVE", null));
    assertThat(task(moves, ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS)).isNotNull();

    assertThat(reviewVersion(stays)).isEqualTo(before);
    complete(stays, ReviewProcess.Element.REVIEW, "yamamoto", review("APPROVE", "確認済み"));
    assertThat(task(stays, ADDED_STEP)).isNull();
    complete(
        stays,
        ReviewProcess.Element.REVIEW_IT_PLANNING,
        "kimura",
        vars("itPlanningDecision", "APPROVED"));
    assertThat(task(stays, ReviewProcess.Element.DECIDE)).isNotNull();
  }

  @Test
  @DisplayName("待機中のタスクを消した版には移行できない: 試行でタスク ID と理由を示し、実行しても 1 件も移行しない")
  void instancesThatCannotBeMigratedAreNamed() throws IOException {
    int before = latestVersion(ReviewProcess.KEY);
    ProcessInstance waiting = inReview();
    write(
        REVIEW_FILE,
        read(REVIEW_FILE)
            .replace("\"Task_Review\"", "\"Task_ReviewApplication\"")
            .replace(">Task_Review<", ">Task_ReviewApplication<"));
    deployer.deploy(directory, false);

    MigrationReport plan =
        migrationService.migrate(
            new MigrationRequest(ReviewProcess.KEY, before, before + 1, null, false, true));
    assertThat(plan.unmappedActivityIds()).contains(ReviewProcess.Element.REVIEW);
    MigrationReport.Instance instance =
        plan.instances().stream()
            .filter(candidate -> candidate.id().equals(reviewOf(waiting).getId()))
            .findFirst()
            .orElseThrow();
    assertThat(instance.migratable()).isFalse();
    assertThat(instance.problems())
        .anySatisfy(problem -> assertThat(problem).startsWith(ReviewProcess.Element.REVIEW));

    InputValidationException refused =
        refused(
            () ->
                migrationService.migrate(
                    new MigrationRequest(
                        ReviewProcess.KEY,
                        before,
                        null,
                        List.of(reviewOf(waiting).getId()),
                        false,
                        false)));
    assertThat(refused.getErrors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).contains(reviewOf(waiting).getId());
              assertThat(error.message()).contains("移行できません", ReviewProcess.Element.REVIEW);
            });
    assertThat(reviewVersion(waiting)).isEqualTo(before);

    InputValidationException unknownVersion =
        refused(
            () ->
                migrationService.migrate(
                    new MigrationRequest(ReviewProcess.KEY, before + 5, null, null, false, true)));
    assertThat(unknownVersion.getErrors())
        .extracting(FieldError::field)
        .containsExactly("sourceVersion");
  }

  @Test
  @DisplayName("ルール表を改訂してデプロイ: 事前判定と新しい申請にすぐ反映され、判定済みの申請は記録された判定のまま進む")
  void revisedRuleTable() throws IOException {
    ProcessInstance classified = submitApplication("sato", kintone().variables());
    started.add(classified);
    assertThat(runtimeService.getVariable(classified.getId(), "outcome"))
        .isEqualTo("APPLICATION_REQUIRED");
    assertThat(precheckOutcome()).isEqualTo(Outcome.APPLICATION_REQUIRED);

    write(ZONE_MATRIX_FILE, zoneMatrixForbiddingCloudFromInternet());
    assertThat(deployer.deploy(directory, false).changed()).containsExactly(ZONE_MATRIX_FILE);

    assertThat(precheckOutcome())
        .as("the pre-check uses the new table at once")
        .isEqualTo(Outcome.FORBIDDEN);
    ProcessInstance fresh = submitApplication("sato", kintone().variables());
    started.add(fresh);
    assertThat(runtimeService.getVariable(fresh.getId(), "outcome")).isEqualTo("FORBIDDEN");

    // Classified before the revision: the recorded decision stands, and the self-check (which
    // classifies again to
    // detect tampering) compares with the table version that classified it.
    assertThat(runtimeService.getVariable(classified.getId(), "outcome"))
        .isEqualTo("APPLICATION_REQUIRED");
    submitTask("sato", task(classified), risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    submitTask("sato", task(classified), measuresAllMet());
    assertThat(task(classified, ApplicationProcess.Element.DOUBLE_CHECK)).isNotNull();
  }

  @Test
  @DisplayName("不正なファイルを含む改訂は全体を拒否し、ファイル名と問題を日英で示す。旧版がそのまま使われる")
  void badRevisionIsRefusedAsAWhole() throws IOException {
    long deployments = repositoryService.createDeploymentQuery().count();
    int reviewVersion = latestVersion(ReviewProcess.KEY);
    write(
        ZONE_MATRIX_FILE,
        zoneMatrixForbiddingCloudFromInternet()); // a good change, refused with the rest
    write(REVIEW_FILE, reviewWithAddedStep().replace(" camunda:historyTimeToLive=\"1825\"", ""));
    write(
        "processes/external-service-exemption.dmn",
        read("processes/external-service-exemption.dmn")
            .replace("</decisionTable>", "")); // not well-formed
    write("forms/review.form", "{\"id\": \"review\", ");

    DeploymentRefusedException refused =
        (DeploymentRefusedException)
            org.assertj.core.api.Assertions.catchThrowable(() -> deployer.deploy(directory, false));
    assertThat(refused).isNotNull();
    assertThat(refused.getErrors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "forms/review.form", "processes/external-service-exemption.dmn", REVIEW_FILE);
    assertThat(refused.getErrors())
        .filteredOn(error -> error.field().equals(REVIEW_FILE))
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.message()).contains("historyTimeToLive がありません");
              assertThat(error.messageEn()).contains("historyTimeToLive is missing");
            });
    assertThat(refused.getMessage()).contains("JSON", "DMN");

    assertThat(repositoryService.createDeploymentQuery().count())
        .as("nothing deployed")
        .isEqualTo(deployments);
    assertThat(latestVersion(ReviewProcess.KEY)).isEqualTo(reviewVersion);
    assertThat(precheckOutcome())
        .as("the old rule table still serves")
        .isEqualTo(Outcome.APPLICATION_REQUIRED);
    ProcessInstance stillWorks = inReview();
    assertThat(reviewVersion(stillWorks)).isEqualTo(reviewVersion);
  }

  @Test
  @DisplayName("起動時に誤ったファイルがあっても、これまでの版で起動する（ログに ERROR）")
  void badRevisionAtStartUpKeepsTheDeployedVersions(
      @Autowired jp.lg.externalservice.system.ResourceValidator validator,
      @Autowired jp.lg.externalservice.system.Privileged privileged,
      @Autowired jp.lg.externalservice.system.EngineInternals engineInternals)
      throws IOException {
    long deployments = repositoryService.createDeploymentQuery().count();
    write(REVIEW_FILE, "<not-a-diagram/>");
    ResourceDeployer atStartUp =
        new ResourceDeployer(
            processEngine, validator, privileged, engineInternals, directory.toString());
    atStartUp.afterSingletonsInstantiated();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThatThrownBy(() -> atStartUp.deploy(false))
        .isInstanceOf(DeploymentRefusedException.class)
        .hasMessageContaining(REVIEW_FILE);
  }

  @Test
  @DisplayName("エンジンだけが見つける図の誤り（タイマーの設定なし）も、ファイル名・要素 ID 付きで拒否される")
  void engineParseErrorsNameTheFileAndElement() throws IOException {
    long deployments = repositoryService.createDeploymentQuery().count();
    String diagram = read(REVIEW_FILE);
    String timer =
        "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">${dueDates.reviewPeriod()}</bpmn:timeDuration>";
    assertThat(diagram).contains(timer);
    write(REVIEW_FILE, diagram.replace(timer, ""));
    write(ZONE_MATRIX_FILE, zoneMatrixForbiddingCloudFromInternet());

    assertThatThrownBy(() -> deployer.deploy(directory, false))
        .isInstanceOfSatisfying(
            DeploymentRefusedException.class,
            refused ->
                assertThat(refused.getErrors())
                    .isNotEmpty()
                    .allSatisfy(
                        error -> {
                          assertThat(error.field()).isEqualTo(REVIEW_FILE);
                          assertThat(error.message()).contains("図に誤りがあります", "要素 Event_");
                          assertThat(error.messageEn())
                              .contains("invalid diagram", "element Event_");
                        }));
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(precheckOutcome()).isEqualTo(Outcome.APPLICATION_REQUIRED);
  }

  @Test
  @DisplayName("Modeler で同じ内容をデプロイ済みなら再デプロイしない。フォルダにないファイルは jar から読む")
  void modelerDeploymentIsNotDuplicatedAndJarIsTheFallback() throws IOException {
    String revised = zoneMatrixForbiddingCloudFromInternet();
    repositoryService
        .createDeployment()
        .name(DmnRuleTables.ZONE_MATRIX_DECISION)
        .source("Camunda Modeler")
        .addString("network-zone-matrix.dmn", revised)
        .deploy();
    long deployments = repositoryService.createDeploymentQuery().count();

    Path onlyTheTable = directory.resolve("only-the-table");
    Files.createDirectories(onlyTheTable.resolve("processes"));
    Files.writeString(onlyTheTable.resolve(ZONE_MATRIX_FILE), revised, StandardCharsets.UTF_8);
    DeploymentReport report = deployer.deploy(onlyTheTable, false);

    assertThat(report.deploymentId()).isNull();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    Map<String, DeploymentReport.ResourceStatus> byName = new java.util.HashMap<>();
    report.resources().forEach(resource -> byName.put(resource.resource(), resource));
    assertThat(byName.get(ZONE_MATRIX_FILE).origin()).isEqualTo("file");
    assertThat(byName.get(ZONE_MATRIX_FILE).status())
        .isEqualTo(DeploymentReport.Status.ALREADY_DEPLOYED);
    assertThat(byName.get(REVIEW_FILE).origin()).isEqualTo("jar");
    assertThat(byName.get(REVIEW_FILE).status()).isEqualTo(DeploymentReport.Status.UNCHANGED);
    assertThat(byName.get("forms/review.form").origin()).isEqualTo("jar");
  }
}
