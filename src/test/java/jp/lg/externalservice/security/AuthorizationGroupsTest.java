package jp.lg.externalservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import jp.lg.externalservice.WebTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The user's groups reach the authorization checks without the engine's scan of the authorization
 * table ({@link AuthorizationGroups}), and the checks answer as before: a group that holds a grant
 * opens the task, a group that holds none opens nothing — with a few groups and with more than the
 * limit above which the engine narrows them itself.
 */
class AuthorizationGroupsTest extends WebTest {

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;

  private String taskId;
  private String grantId;

  @BeforeEach
  void aTaskReadableByOneGroup() {
    Task task = taskService.newTask();
    task.setName("権限グループの確認");
    taskService.saveTask(task);
    taskId = task.getId();
    Authorization grant =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("group-with-grant");
    grant.setResource(Resources.TASK);
    grant.setResourceId(taskId);
    grant.addPermission(Permissions.READ);
    grantId = authorizationService.saveAuthorization(grant).getId();
  }

  @AfterEach
  void deleteTheTask() {
    identityService.clearAuthentication();
    authorizationService.deleteAuthorization(grantId);
    taskService.deleteTask(taskId, true);
  }

  @Test
  @DisplayName("エンジンの権限確認はこのシステムの権限マネージャーを使う（権限表の全件走査をしない）")
  void theEngineChecksThroughTheManagerWithoutTheScan() {
    AuthorizationManager manager =
        configuration
            .getCommandExecutorTxRequired()
            .execute((Command<AuthorizationManager>) context -> context.getAuthorizationManager());

    assertThat(manager).isInstanceOf(AuthorizationGroups.Manager.class);
  }

  @Test
  @DisplayName("権限を持つグループの職員はタスクを読め、権限のないグループだけの職員は読めない（少数のグループ）")
  void aFewGroupsAnswerAsBefore() {
    assertThat(visibleTo(List.of("group-without-grant", "group-with-grant"))).isTrue();
    assertThat(visibleTo(List.of("group-without-grant"))).isFalse();
    assertThat(visibleTo(List.of())).isFalse();
  }

  @Test
  @DisplayName("上限を超える数のグループに属する職員も、権限のあるグループでだけタスクを読める")
  void manyGroupsAnswerAsBefore() {
    List<String> many = new ArrayList<>();
    IntStream.rangeClosed(1, AuthorizationGroups.NARROWED_ABOVE + 10)
        .forEach(i -> many.add("group-without-grant-" + i));

    assertThat(visibleTo(many)).isFalse();
    many.add("group-with-grant");
    assertThat(visibleTo(many)).isTrue();
  }

  private boolean visibleTo(List<String> groups) {
    identityService.setAuthentication("someone-outside-the-ward", groups);
    try {
      return taskService.createTaskQuery().taskId(taskId).count() == 1
          && taskService.getIdentityLinksForTask(taskId) != null;
    } catch (org.camunda.bpm.engine.AuthorizationException refused) {
      return false;
    } finally {
      identityService.clearAuthentication();
    }
  }
}
