package jp.lg.externalservice.administration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile {@code prod} starts clean, or not at all (issue 12, item 9):
 *
 * <ul>
 *   <li>the administrator's password must come from the environment ({@code ADMIN_PASSWORD}) and
 *       must not be empty, short or a known default;
 *   <li>the database must hold no demo user ({@link DemoData#USERS}, {@code demo}) and no user
 *       whose password is a default one: the user id, a known default, or a demo password. A
 *       database the demo profile used keeps {@code demo}/{@code demo} and every demo user
 *       otherwise.
 * </ul>
 *
 * The passwords are compared with the stored hashes directly, not through {@code
 * IdentityService.checkPassword}: the check is no login, so it neither counts as a failed attempt
 * nor touches {@link LoginThrottle}.
 */
@Component
@Profile("prod")
public class ProductionSettingsCheck implements InitializingBean, SmartInitializingSingleton {

  static final int MIN_LENGTH = 12;
  static final String DEMO_ADMIN = "demo";
  private static final Set<String> DEFAULTS =
      Set.of("demo", "admin", "password", "camunda", "changeme");

  private final String adminUser;
  private final String adminPassword;
  private final ObjectProvider<ProcessEngine> engine;

  public ProductionSettingsCheck(
      @Value("${camunda.bpm.admin-user.id:}") String adminUser,
      @Value("${camunda.bpm.admin-user.password:}") String adminPassword,
      ObjectProvider<ProcessEngine> engine) {
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
    this.engine = engine;
  }

  /** The environment first, before anything is written with a weak password. */
  @Override
  public void afterPropertiesSet() {
    String password = adminPassword == null ? "" : adminPassword;
    if (password.length() < MIN_LENGTH
        || DEFAULTS.contains(password.toLowerCase())
        || password.equals(adminUser)) {
      throw new IllegalStateException(
          "本番環境（prod）では ADMIN_PASSWORD に "
              + MIN_LENGTH
              + " 文字以上の既定値でないパスワードを設定してください（in the prod profile set ADMIN_PASSWORD to a non-default"
              + " password of at least "
              + MIN_LENGTH
              + " characters）");
    }
  }

  /** Then the database, once the engine is up and before the web server accepts a request. */
  @Override
  public void afterSingletonsInstantiated() {
    checkDatabase(engine.getObject());
  }

  static void checkDatabase(ProcessEngine processEngine) {
    Set<String> demoIds = demoUserIds();
    List<String> demoUsers = new ArrayList<>();
    List<String> defaultPasswords = new ArrayList<>();
    PasswordManager passwords =
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
            .getPasswordManager();
    // no authentication is set at startup, so the query sees every user
    for (User user :
        processEngine.getIdentityService().createUserQuery().orderByUserId().asc().list()) {
      if (demoIds.contains(user.getId())) {
        demoUsers.add(user.getId());
      } else if (hasDefaultPassword((UserEntity) user, passwords, demoIds)) {
        defaultPasswords.add(user.getId());
      }
    }
    if (demoUsers.isEmpty() && defaultPasswords.isEmpty()) {
      return;
    }
    StringBuilder ja = new StringBuilder("本番環境（prod）のデータベースに");
    StringBuilder en = new StringBuilder("the prod database holds ");
    if (!demoUsers.isEmpty()) {
      ja.append("デモ用のユーザー（").append(String.join(", ", demoUsers)).append("）");
      en.append("demo users (").append(String.join(", ", demoUsers)).append(")");
    }
    if (!defaultPasswords.isEmpty()) {
      ja.append(demoUsers.isEmpty() ? "" : "と")
          .append("既定のパスワード（ユーザー ID と同じ、demo、admin など）のユーザー（")
          .append(String.join(", ", defaultPasswords))
          .append("）");
      en.append(demoUsers.isEmpty() ? "" : " and ")
          .append("users with a default password (the user id, demo, admin…) (")
          .append(String.join(", ", defaultPasswords))
          .append(")");
    }
    ja.append("があるため起動しません。これらのユーザーを削除するかパスワードを変更する（docs/operations.md）か、" + "新しいデータベースで起動してください");
    en.append(
        ": remove these users or change their passwords (docs/operations.md), or start on a fresh database");
    throw new IllegalStateException(ja + "（" + en + "）");
  }

  /** demo (the demo administrator) and every user of the demo profile. */
  static Set<String> demoUserIds() {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(DEMO_ADMIN);
    DemoData.USERS.forEach(user -> ids.add(user.id()));
    return ids;
  }

  /** The user id, a known default, or a demo password (each demo user's password is their id). */
  private static boolean hasDefaultPassword(
      UserEntity user, PasswordManager passwords, Set<String> demoIds) {
    if (user.getPassword() == null) {
      return false; // no password: nobody can log in as this user
    }
    return Stream.concat(
            Stream.of(user.getId()), Stream.concat(DEFAULTS.stream(), demoIds.stream()))
        .distinct()
        .anyMatch(
            candidate ->
                passwords.check(
                    EncryptionUtil.saltPassword(candidate, user.getSalt()), user.getPassword()));
  }
}
