package jp.lg.externalservice.security;

import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile {@code prod}: the administrator's password must come from the environment ({@code ADMIN_PASSWORD}) and must
 * not be empty, short or a known default; otherwise the application does not start.
 */
@Component
@Profile("prod")
public class ProductionSettingsCheck implements InitializingBean {

  static final int MIN_LENGTH = 12;
  private static final Set<String> DEFAULTS = Set.of("demo", "admin", "password", "camunda", "changeme");

  private final String adminUser;
  private final String adminPassword;

  public ProductionSettingsCheck(@Value("${camunda.bpm.admin-user.id:}") String adminUser,
      @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  @Override
  public void afterPropertiesSet() {
    String password = adminPassword == null ? "" : adminPassword;
    if (password.length() < MIN_LENGTH || DEFAULTS.contains(password.toLowerCase()) || password.equals(adminUser)) {
      throw new IllegalStateException("本番環境（prod）では ADMIN_PASSWORD に " + MIN_LENGTH
          + " 文字以上の既定値でないパスワードを設定してください（in the prod profile set ADMIN_PASSWORD to a non-default"
          + " password of at least " + MIN_LENGTH + " characters）");
    }
  }
}
