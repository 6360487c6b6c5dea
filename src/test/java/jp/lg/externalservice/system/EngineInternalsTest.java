package jp.lg.externalservice.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.lg.externalservice.EngineTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine internals that {@link EngineInternals} relies on are still there and still behave as
 * it expects. A failure here after an engine upgrade means: read the new engine's sources for these
 * methods before anything else.
 */
class EngineInternalsTest extends EngineTest {

  @Autowired EngineInternals engineInternals;
  @Autowired RepositoryService repositoryService;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  @DisplayName("内部 API: 使っているメソッドのシグネチャが 7.24 と同じ")
  void theInternalMethodsUsedKeepTheirSignatures() throws NoSuchMethodException {
    assertThat(processEngine.getProcessEngineConfiguration())
        .isInstanceOf(ProcessEngineConfigurationImpl.class);
    assertPublic(
        ProcessEngineConfigurationImpl.class.getMethod("getCommandExecutorTxRequired"),
        CommandExecutor.class);
    assertPublic(CommandExecutor.class.getMethod("execute", Command.class), Object.class);
    assertPublic(
        CommandContext.class.getMethod("runWithoutAuthorization", Callable.class), Object.class);
    assertPublic(
        CommandContext.class.getMethod("getCamundaFormDefinitionManager"),
        CamundaFormDefinitionManager.class);
    Method latest =
        CamundaFormDefinitionManager.class.getMethod("findLatestDefinitionByKey", String.class);
    assertThat(Modifier.isPublic(latest.getModifiers())).isTrue();
    assertThat(ResourceDefinition.class)
        .as("what findLatestDefinitionByKey returns")
        .isAssignableFrom(latest.getReturnType());
    // withoutAuthorizationAgainstCompletion
    assertPublic(CommandContext.class.getMethod("getTaskManager"), TaskManager.class);
    assertPublic(TaskManager.class.getMethod("findTaskById", String.class), TaskEntity.class);
    assertPublic(TaskEntity.class.getMethod("getExecution"), ExecutionEntity.class);
    assertPublic(ExecutionEntity.class.getMethod("forceUpdate"), void.class);
  }

  private static void assertPublic(Method method, Class<?> returnType) {
    assertThat(Modifier.isPublic(method.getModifiers())).as(method + " is public").isTrue();
    assertThat(method.getReturnType()).as(method + " returns").isEqualTo(returnType);
  }

  @Test
  @DisplayName("権限チェックなしの実行: 権限のない利用者にも全件が見え、利用者の ID は変わらない")
  void withoutAuthorizationSkipsTheChecksButKeepsTheUser() {
    long all = repositoryService.createDeploymentQuery().count();
    identityService.setAuthentication("nobody-" + System.nanoTime(), List.of());
    assertThat(repositoryService.createDeploymentQuery().count())
        .as("checked: a user without grants sees nothing")
        .isZero();
    assertThat(
            engineInternals.withoutAuthorization(
                () -> repositoryService.createDeploymentQuery().count()))
        .isEqualTo(all)
        .isPositive();
    assertThat(
            engineInternals.withoutAuthorization(
                () -> identityService.getCurrentAuthentication().getUserId()))
        .startsWith("nobody-");
    assertThat(repositoryService.createDeploymentQuery().count())
        .as("checked again afterwards")
        .isZero();
  }

  @Test
  @DisplayName("実行中のコマンドの中では同じコンテキストを使い、終わると権限チェックを元に戻す（例外のときも）")
  void insideACommandTheSameContextIsUsedAndRestored() {
    CommandExecutor executor =
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    executor.execute(
        context -> {
          assertThat(context.isAuthorizationCheckEnabled()).isTrue();
          assertThat(engineInternals.withoutAuthorization(context::isAuthorizationCheckEnabled))
              .as("the running command's own context is switched off")
              .isFalse();
          assertThat(context.isAuthorizationCheckEnabled()).as("restored").isTrue();
          return null;
        });

    IllegalStateException failure = new IllegalStateException("boom");
    AtomicBoolean restoredAfterFailure = new AtomicBoolean();
    assertThatThrownBy(
            () ->
                executor.execute(
                    context -> {
                      assertThatThrownBy(
                              () ->
                                  engineInternals.withoutAuthorization(
                                      () -> {
                                        throw failure;
                                      }))
                          .as("a runtime exception passes unchanged")
                          .isSameAs(failure);
                      restoredAfterFailure.set(context.isAuthorizationCheckEnabled());
                      return null;
                    }))
        .as("a failure inside fails the enclosing transaction too")
        .isNotNull();
    assertThat(restoredAfterFailure).as("restored after the exception").isTrue();
  }

  @Test
  @DisplayName("フォームの最新版: 配置した forms/*.form が ID で見つかり、ない ID は null")
  void latestFormDefinitionFindsADeployedForm() throws IOException {
    ResourceDefinition review = engineInternals.latestFormDefinition("review");
    assertThat(review).isNotNull();
    assertThat(review.getKey()).isEqualTo("review");
    assertThat(review.getResourceName()).isEqualTo("forms/review.form");
    assertThat(review.getVersion()).isPositive();
    try (InputStream in =
        repositoryService.getResourceAsStream(review.getDeploymentId(), review.getResourceName())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"id\": \"review\"");
    }
    assertThat(engineInternals.latestFormDefinition("no-such-form")).isNull();
  }
}
