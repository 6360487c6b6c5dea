package jp.lg.externalservice.security;

import java.util.List;
import jp.lg.externalservice.system.AccessDeniedException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Camunda's administrators: the users and groups the engine treats as admins ({@code camunda-admin}
 * by default). The admin endpoints ({@code /api/admin/...}) are theirs alone.
 */
@Component
public class Administrators {

  private final ProcessEngine engine;

  public Administrators(ProcessEngine engine) {
    this.engine = engine;
  }

  public boolean isAdministrator(Authentication caller) {
    if (caller == null) {
      return false;
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> adminUsers =
        configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
    List<String> adminGroups =
        configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return adminUsers.contains(caller.getUserId())
        || groups.stream().anyMatch(adminGroups::contains);
  }

  /** Refuses with 403 unless the caller of the current request is an administrator. */
  public void require() {
    if (!isAdministrator(engine.getIdentityService().getCurrentAuthentication())) {
      throw new AccessDeniedException(
          "管理者（camunda-admin グループ）だけが実行できます",
          "only administrators (group camunda-admin) may do this");
    }
  }
}
