package jp.lg.externalservice.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The user's groups go into the engine's authorization checks as they are, without the engine's
 * scan of the whole authorization table in every command (issue 17).
 *
 * <p>Before it checks a permission, the engine narrows the user's groups to those that hold any
 * authorization, and it learns those with {@code SELECT DISTINCT GROUP_ID_ FROM
 * ACT_RU_AUTHORIZATION}, once in every command that checks. The table holds a grant for each
 * candidate group of every open task and of every historic task, so it grows with the cases: at
 * 10,000 open applications it has 66,000 rows, the scan took 7–17 ms on PostgreSQL, and one
 * Tasklist list ran it five times. A group without authorizations matches no row of any check, so
 * leaving it in changes no answer: nobody sees or does more. Staff belong to a handful of groups;
 * someone in more than {@link #NARROWED_ABOVE} (a large directory) gets the engine's narrowing,
 * which keeps the checks' lists short.
 */
@Component
public class AuthorizationGroups extends AbstractProcessEnginePlugin {

  /** Above this many groups, the engine narrows them as it does by itself. */
  static final int NARROWED_ABOVE = 50;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(new Factory());
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, but for the narrowing of small group lists. */
  static class Manager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> groupIds) {
      if (groupIds == null || groupIds.size() > NARROWED_ABOVE) {
        return super.filterAuthenticatedGroupIds(groupIds);
      }
      // as the engine's: without nulls and duplicates, a list of its own
      LinkedHashSet<String> groups = new LinkedHashSet<>(groupIds);
      groups.remove(null);
      return new ArrayList<>(groups);
    }
  }

  /** Opens {@link Manager} wherever the engine asks for its authorization manager. */
  private static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new Manager();
    }
  }
}
