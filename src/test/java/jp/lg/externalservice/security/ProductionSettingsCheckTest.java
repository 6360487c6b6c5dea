package jp.lg.externalservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.lg.externalservice.ExternalServiceApprovalApplication;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The prod profile refuses default passwords and has no demo data. */
class ProductionSettingsCheckTest {

  /** Starts the application as production would, with command-line settings (they win over the profile file). */
  private static ConfigurableApplicationContext prod(String password) {
    return new SpringApplicationBuilder(ExternalServiceApprovalApplication.class).profiles("prod").run(
        "--spring.datasource.url=jdbc:h2:mem:prod-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.generate-unique-process-engine-name=true",
        "--camunda.bpm.admin-user.password=" + password);
  }

  @Test
  @DisplayName("本番プロファイルは空・短い・既定のパスワードでは起動しない")
  void refusesWeakAdminPasswords() {
    for (String weak : new String[] {"", "demo", "admin", "short"}) {
      assertThatThrownBy(() -> prod(weak).close()).as(weak)
          .hasStackTraceContaining("ADMIN_PASSWORD");
    }
  }

  @Test
  @DisplayName("十分なパスワードなら起動し、デモ用ユーザーは作られない")
  void startsWithoutDemoData() {
    try (ConfigurableApplicationContext context = prod("a-long-and-unusual-secret")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().userId("admin").count()).isEqualTo(1);
      assertThat(identity.createUserQuery().userId("sato").count()).isZero();
      assertThat(identity.checkPassword("admin", "a-long-and-unusual-secret")).isTrue();
    }
  }
}
