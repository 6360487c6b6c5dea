package jp.lg.externalservice.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.lg.externalservice.WebTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Without a directory (the default) the engine's own users stay, and the endpoint says so. */
class DirectoryOffTest extends WebTest {

  @Test
  @DisplayName("ディレクトリ連携が無効なら、同期は理由を示して断られ、エンジンのパスワードでログインできる")
  void offByDefault() {
    Answer sync = postJson("/api/admin/directory/sync", "demo", Map.of());
    assertThat(sync.status()).isEqualTo(400);
    assertThat(sync.body().get("errors").get(0).get("field").asText())
        .isEqualTo("external-service.directory.enabled");
    assertThat(get("/api/admin/directory/sync", "demo").body().get("enabled").asBoolean())
        .isFalse();
    assertThat(get("/engine-rest/user/sato/profile", "sato").status()).isEqualTo(200);
  }
}
