package jp.lg.externalservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The prod profile refuses default passwords and has no demo data. */
class ProductionSettingsCheckTest {

  @Test
  @DisplayName("本番プロファイルは空・短い・既定・ユーザー ID と同じパスワードでは起動しない")
  void refusesWeakAdminPasswords() {
    for (String weak : new String[] {"", "demo", "Admin", "short", "administrator"}) {
      assertThatThrownBy(() -> new ProductionSettingsCheck("administrator", weak).afterPropertiesSet()).as(weak)
          .hasMessageContaining("ADMIN_PASSWORD");
    }
    assertThatCode(() -> new ProductionSettingsCheck("admin", "a-long-and-unusual-secret").afterPropertiesSet())
        .doesNotThrowAnyException();
  }

  @Nested
  @SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:prod-profile;DB_CLOSE_DELAY=-1",
      "camunda.bpm.admin-user.password=a-long-and-unusual-secret", "camunda.bpm.job-execution.enabled=false",
      "camunda.bpm.generate-unique-process-engine-name=true"})
  @ActiveProfiles("prod")
  class WithAStrongPassword {

    @Autowired IdentityService identityService;

    @Test
    @DisplayName("十分なパスワードなら起動し、管理者だけが作られてデモ用ユーザーはいない")
    void startsWithoutDemoData() {
      assertThat(identityService.createUserQuery().userId("admin").count()).isEqualTo(1);
      assertThat(identityService.checkPassword("admin", "a-long-and-unusual-secret")).isTrue();
      assertThat(identityService.createUserQuery().userId("sato").count()).isZero();
    }
  }
}
