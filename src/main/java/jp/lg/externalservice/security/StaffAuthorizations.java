package jp.lg.externalservice.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_WORK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What the engine grants staff by itself, narrowed to what they need:
 *
 * <ul>
 *   <li>The assignee and the candidates of a task get {@code TASK_WORK} (claim, complete through
 *       the form), not {@code UPDATE}: with UPDATE they could write any process variable of the
 *       case, add candidates or reassign it ({@code default-user-permission-name-for-task} in
 *       application.yaml). Candidate groups also get {@code TASK_ASSIGN}, to hand the task to a
 *       colleague; {@code EngineRestGuard} and {@code AssignmentGuard} keep that within the group
 *       and out of four-eyes reach, and refuse every other use of it.
 *   <li>A new user may read their own user entry, not rename or delete themselves (the engine
 *       grants ALL): administrators manage identities.
 * </ul>
 *
 * On start, grants that an earlier version of the system left behind are narrowed the same way.
 */
@Component
public class StaffAuthorizations extends AbstractProcessEnginePlugin
    implements SmartInitializingSingleton {

  private final AuthorizationService authorizationService;

  public StaffAuthorizations(@Lazy AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(
        new DefaultAuthorizationProvider() {
          @Override
          public AuthorizationEntity[] newUser(User user) {
            return new AuthorizationEntity[] {
              createGrantAuthorization(user.getId(), null, USER, user.getId(), READ)
            };
          }

          /**
           * Members of a task's candidate group may also hand it to a colleague (AssignmentGuard
           * says to whom).
           */
          @Override
          protected AuthorizationEntity[] createOrUpdateAuthorizations(
              Task task, String groupId, String userId) {
            AuthorizationEntity[] authorizations =
                super.createOrUpdateAuthorizations(task, groupId, userId);
            if (groupId != null && authorizations != null && authorizations.length > 0) {
              authorizations[0].addPermission(TASK_ASSIGN);
            }
            return authorizations;
          }
        });
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (Authorization grant :
        authorizationService
            .createAuthorizationQuery()
            .resourceType(TASK)
            .hasPermission(UPDATE)
            .list()) {
      if (!Authorization.ANY.equals(grant.getResourceId())) {
        grant.removePermission(UPDATE);
        grant.addPermission(TASK_WORK);
        if (grant.getGroupId() != null) {
          grant.addPermission(TASK_ASSIGN);
        }
        authorizationService.saveAuthorization(grant);
      }
    }
    for (Authorization grant :
        authorizationService.createAuthorizationQuery().resourceType(USER).list()) {
      if (grant.getUserId() != null
          && grant.getUserId().equals(grant.getResourceId())
          && grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
          && !onlyRead(grant)) {
        grant.setPermissions(new org.camunda.bpm.engine.authorization.Permission[] {READ});
        authorizationService.saveAuthorization(grant);
      }
    }
  }

  private static boolean onlyRead(Authorization grant) {
    return grant.isPermissionGranted(READ)
        && grant.getPermissions(org.camunda.bpm.engine.authorization.Permissions.values()).length
            == 1;
  }
}
