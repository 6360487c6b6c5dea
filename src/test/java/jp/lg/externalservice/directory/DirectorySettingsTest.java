package jp.lg.externalservice.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The directory's settings are checked when it is switched on, and every wrong one is named. */
class DirectorySettingsTest {

  private static DirectorySettings settings(
      boolean enabled,
      List<String> urls,
      String bindDn,
      Double share,
      Map<String, String> successors) {
    return new DirectorySettings(
        enabled,
        urls,
        bindDn,
        "secret",
        "OU=職員,DC=ward,DC=local",
        enabled ? "(objectClass=user" : null,
        null,
        null,
        new DirectorySettings.Departments("OU=所属,DC=ward,DC=local", null, null, null, null),
        List.of(
            new DirectorySettings.RoleGroup("利用責任者", DirectoryRole.SECURITY_OFFICER, null, null)),
        null,
        List.of("admin"),
        successors,
        share,
        null);
  }

  @Test
  @DisplayName("無効のときは何も求めない（組込みのユーザーのまま）")
  void offNeedsNothing() {
    DirectorySettings off = settings(false, null, null, null, null);
    assertThat(off.enabled()).isFalse();
    assertThat(off.maxRemovalShare()).isEqualTo(0.2);
    assertThat(off.attributes().id()).isEqualTo("sAMAccountName");
    assertThat(off.attributes().lastNameKana()).isEqualTo("msDS-PhoneticLastName");
  }

  @Test
  @DisplayName("有効のときは誤った設定をすべて名指しして起動を止める")
  void wrongSettingsAreNamed() {
    assertThatThrownBy(
            () ->
                settings(
                    true,
                    List.of("http://dc1"),
                    "not a dn",
                    1.5,
                    Map.of("kosodate", "fukushi", "fukushi", "kumin")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("external-service.directory")
        .hasMessageContaining("urls: 'http://dc1'")
        .hasMessageContaining("bind-dn: 'not a dn' is no DN")
        .hasMessageContaining("roles[0].group: a group given by name needs group-base")
        .hasMessageContaining("user-filter: '(objectClass=user' is no LDAP filter")
        .hasMessageContaining("max-removal-share")
        .hasMessageContaining("department-successors: kosodate → fukushi");
  }

  @Test
  @DisplayName("正しい設定では起動し、ローカルユーザーを見分ける")
  void rightSettingsStart() {
    DirectorySettings on =
        new DirectorySettings(
            true,
            List.of("ldaps://dc1.ward.local:636"),
            "CN=svc,DC=ward,DC=local",
            "secret",
            "OU=職員,DC=ward,DC=local",
            null,
            "OU=役割,DC=ward,DC=local",
            null,
            new DirectorySettings.Departments("OU=所属,DC=ward,DC=local", null, null, null, null),
            List.of(
                new DirectorySettings.RoleGroup(
                    "利用責任者", DirectoryRole.SECURITY_OFFICER, null, null)),
            null,
            List.of("admin"),
            Map.of("kosodate", "fukushi"),
            null,
            null);
    assertThat(on.isLocal("admin")).isTrue();
    assertThat(on.isLocal("ueda")).isFalse();
  }
}
