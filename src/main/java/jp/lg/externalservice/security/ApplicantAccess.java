package jp.lg.externalservice.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * An applicant may read their own application — its variables while it runs and its history
 * afterwards, where the reasons of the classification stay — and no one else's (staff have no
 * general READ on process instances).
 */
@Component
public class ApplicantAccess {

  private final AuthorizationService authorizationService;
  private final Privileged privileged;

  public ApplicantAccess(AuthorizationService authorizationService, Privileged privileged) {
    this.authorizationService = authorizationService;
    this.privileged = privileged;
  }

  public void grantReadOwnApplication(String userId, String processInstanceId) {
    privileged.run(
        () -> {
          grant(userId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
          grant(
              userId,
              Resources.HISTORIC_PROCESS_INSTANCE,
              processInstanceId,
              HistoricProcessInstancePermissions.READ);
        });
  }

  private void grant(String userId, Resource resource, String resourceId, Permission permission) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setUserId(userId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }
}
