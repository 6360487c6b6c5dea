package jp.lg.externalservice.security;

import java.util.Set;

/**
 * Published (as a Spring application event, after the change is committed) when the directory
 * synchronisation changed people: their department, their roles, or their leaving. Listeners
 * re-examine what depends on people, e.g. registry entries whose service manager or 外部サービス管理者 left.
 *
 * @param userIds the users whose department or roles changed, or who left
 */
public record DirectoryChanged(Set<String> userIds) {

  public DirectoryChanged {
    userIds = Set.copyOf(userIds);
  }
}
