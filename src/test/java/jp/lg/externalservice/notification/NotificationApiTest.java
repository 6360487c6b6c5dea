package jp.lg.externalservice.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.lg.externalservice.WebTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox for administrators only, a page at a time; each user's own notification settings.
 * Without {@code spring.mail.host} (the default) mails stay in the outbox and the page says so.
 */
class NotificationApiTest extends WebTest {

  @Autowired Notifications notifications;

  @Test
  @DisplayName("通知メールの送信状況は管理者だけが読め、それ以外の職員には日本語と英語で 403 が返る")
  void outboxIsForAdministratorsOnly() {
    notifications.notifyUser(
        "sato",
        "kobayashi",
        new Notice(
            NotificationKind.APPROVED,
            "申請が承認されました",
            "テストの通知です",
            "R8-9999",
            "テスト SaaS",
            null,
            Notice.TASKLIST,
            null));

    Answer admin = get("/api/admin/notifications", "demo");
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.body().get("sending")).as("no spring.mail.host: kept").isNotNull();
    assertThat(admin.body().get("sending").asBoolean()).isFalse();
    assertThat(admin.body().get("total").asLong()).isPositive();
    var first = admin.body().get("notifications").get(0);
    assertThat(first.get("address").asText()).isEqualTo("sato@example.jp");
    assertThat(first.get("subject").asText()).contains("申請が承認されました", "R8-9999");
    assertThat(first.get("statusLabel").asText()).isEqualTo("未送信");
    assertThat(first.get("kindLabel").asText()).isEqualTo("申請の承認");
    assertThat(first.get("link").asText())
        .isEqualTo("http://localhost:8080/camunda/app/tasklist/default/");

    for (String staff : List.of("sato", "kobayashi", "tanaka")) {
      Answer refused = get("/api/admin/notifications", staff);
      assertThat(refused.status()).as(staff).isEqualTo(403);
      assertThat(refused.body().get("error").asText()).contains("管理者");
      assertThat(refused.body().get("errorEn").asText()).contains("administrators");
    }
    assertThat(get("/api/admin/notifications", null).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("一覧は 1 ページ 100 件まで。範囲外の指定は項目名付きで拒まれる")
  void pagingIsBounded() {
    assertThat(get("/api/admin/notifications?size=100&page=0&status=PENDING", "demo").status())
        .isEqualTo(200);
    Answer tooLarge = get("/api/admin/notifications?size=101", "demo");
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(tooLarge.body().get("errors").get(0).get("field").asText()).isEqualTo("size");
    Answer badStatus = get("/api/admin/notifications?status=LOST&page=-1", "demo");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.body().get("errors")).hasSize(2);
  }

  @Test
  @DisplayName("職員は自分の通知設定を読み、種類ごとに止められる。知らない種類や真偽値でない値は拒まれる")
  void eachUserChoosesTheirKinds() {
    Answer mine = get("/api/me/notification-settings", "suzuki");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body()).hasSize(NotificationKind.values().length);
    assertThat(mine.body().get(0).get("label").asText()).isEqualTo("自分に割り当てられたタスク");
    assertThat(mine.body().findValuesAsText("enabled")).containsOnly("true");

    Answer saved =
        send("PUT", "/api/me/notification-settings", "suzuki", Map.of("DUE_SOON", false));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(enabled(get("/api/me/notification-settings", "suzuki"), "DUE_SOON")).isFalse();
    assertThat(enabled(get("/api/me/notification-settings", "suzuki"), "OVERDUE")).isTrue();
    assertThat(enabled(get("/api/me/notification-settings", "sato"), "DUE_SOON"))
        .as("another user's settings are her own")
        .isTrue();

    Answer unknown =
        send("PUT", "/api/me/notification-settings", "suzuki", Map.of("EVERYTHING", false));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("errors").get(0).get("message").asText())
        .isEqualTo("知らない通知の種類です");
    assertThat(
            send("PUT", "/api/me/notification-settings", "suzuki", Map.of("DUE_SOON", "no"))
                .status())
        .isEqualTo(400);
    assertThat(get("/api/me/notification-settings", null).status()).isEqualTo(401);
  }

  private static boolean enabled(Answer settings, String kind) {
    for (var setting : settings.body()) {
      if (setting.get("kind").asText().equals(kind)) {
        return setting.get("enabled").asBoolean();
      }
    }
    throw new AssertionError("no " + kind);
  }
}
