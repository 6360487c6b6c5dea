package jp.lg.externalservice.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.lg.externalservice.ExternalServiceApprovalApplication;
import jp.lg.externalservice.security.StaffGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The prod profile refuses default passwords, and a database with demo users or default passwords.
 */
@Tag("own-application-context") // boots the application with its own settings: a JVM of its own
// (pom.xml)
class ProductionSettingsCheckTest {

  @Test
  @DisplayName("本番プロファイルは空・短い・既定・ユーザー ID と同じパスワードでは起動しない")
  void refusesWeakAdminPasswords() {
    for (String weak : new String[] {"", "demo", "Admin", "short", "administrator"}) {
      assertThatThrownBy(
              () -> new ProductionSettingsCheck("administrator", weak, null).afterPropertiesSet())
          .as(weak)
          .hasMessageContaining("ADMIN_PASSWORD");
    }
    assertThatCode(
            () ->
                new ProductionSettingsCheck("admin", "a-long-and-unusual-secret", null)
                    .afterPropertiesSet())
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("デモで使ったデータベースでは本番プロファイルは起動せず、見つかったデモ用ユーザーを日英で示す")
  void refusesTheDatabaseTheDemoUsed() {
    String database = "--spring.datasource.url=jdbc:h2:mem:demo-then-prod;DB_CLOSE_DELAY=-1";
    start(database, "demo", "test").close();

    assertThatThrownBy(() -> start(database, "prod").close())
        .hasMessageContaining("デモ用のユーザー（demo, ito, kimura, kobayashi")
        .hasMessageContaining("demo users (demo, ito, kimura, kobayashi")
        .hasMessageContaining("新しいデータベースで起動")
        .hasMessageContaining("start on a fresh database");
  }

  @Test
  @DisplayName("既定のパスワード（ユーザー ID と同じ、admin など）の利用者がいれば本番プロファイルは起動しない")
  void refusesUsersWithADefaultPassword() {
    String database =
        "--spring.datasource.url=jdbc:h2:mem:prod-default-passwords;DB_CLOSE_DELAY=-1";
    try (ConfigurableApplicationContext prod = start(database, "prod")) {
      IdentityService identityService = prod.getBean(IdentityService.class);
      for (String[] user :
          new String[][] {
            {"yamada", "yamada"},
            {"mori", "Admin"},
            {"kato", "sato"},
            {"aoki", "an-unusual-secret-of-her-own"}
          }) {
        User created = identityService.newUser(user[0]);
        created.setPassword(user[1]);
        identityService.saveUser(created);
      }
    }

    assertThatThrownBy(() -> start(database, "prod").close())
        .hasMessageContaining("既定のパスワード")
        .hasMessageContaining("（kato, yamada）")
        .hasMessageContaining("users with a default password")
        .hasMessageNotContaining("demo users");
    // "Admin" is not "admin": passwords are compared exactly, as the login does; aoki's own
    // password is fine
  }

  /**
   * The application on its own database and port with these profiles, as {@code java -jar} would
   * start it.
   */
  private static ConfigurableApplicationContext start(String database, String... profiles) {
    try {
      return new SpringApplicationBuilder(ExternalServiceApprovalApplication.class)
          .profiles(profiles)
          .run(
              database,
              "--server.port=0",
              "--camunda.bpm.admin-user.password=a-long-and-unusual-secret",
              "--camunda.bpm.job-execution.enabled=false",
              "--camunda.bpm.generate-unique-process-engine-name=true");
    } catch (RuntimeException refused) {
      RefusedContext.forget();
      throw refused;
    }
  }

  /**
   * The Camunda webapps' filters find their Spring context through a static field, which a context
   * closed normally clears but a refused start leaves behind; the next context of this JVM would
   * then fail to start its filters.
   */
  private static final class RefusedContext extends LazyInitRegistration {
    static void forget() {
      APPLICATION_CONTEXT = null;
    }
  }

  @Nested
  @SpringBootTest(
      properties = {
        "spring.datasource.url=jdbc:h2:mem:prod-profile;DB_CLOSE_DELAY=-1",
        "camunda.bpm.admin-user.password=a-long-and-unusual-secret",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.generate-unique-process-engine-name=true"
      })
  @ActiveProfiles("prod")
  class WithAStrongPassword {

    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired FilterService filterService;

    @Test
    @DisplayName("十分なパスワードなら起動し、管理者だけが作られてデモ用ユーザーはいない")
    void startsWithoutDemoData() {
      assertThat(identityService.createUserQuery().userId("admin").count()).isEqualTo(1);
      assertThat(identityService.checkPassword("admin", "a-long-and-unusual-secret")).isTrue();
      assertThat(identityService.createUserQuery().userId("sato").count()).isZero();
    }

    @Test
    @DisplayName("本番でも役割の権限と Tasklist のフィルターがあり、手で付与しなくてよい（職員ディレクトリ連携）")
    void rolesArePermittedWithoutDemoData() {
      assertThat(
              authorizationService
                  .createAuthorizationQuery()
                  .groupIdIn(StaffGroups.STAFF)
                  .resourceType(Resources.APPLICATION)
                  .resourceId("tasklist")
                  .count())
          .isEqualTo(1);
      assertThat(
              authorizationService
                  .createAuthorizationQuery()
                  .groupIdIn(StaffGroups.POLICY_REVIEWER)
                  .resourceType(Resources.APPLICATION)
                  .resourceId("cockpit")
                  .count())
          .isEqualTo(1);
      assertThat(filterService.createFilterQuery().filterName("グループのタスク").count()).isEqualTo(1);
    }
  }
}
