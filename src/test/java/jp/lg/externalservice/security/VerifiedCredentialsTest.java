package jp.lg.externalservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The memory of verified logins on its own: its lifetime, its bound and its race guard. */
class VerifiedCredentialsTest {

  @Test
  @DisplayName("記憶は TTL が過ぎると消え、TTL 0 では何も記憶しない")
  void entriesExpireAndZeroTurnsItOff() throws InterruptedException {
    VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMillis(200), 10);
    byte[] digest = verified.digest("sato", "sato");
    verified.remember("sato", digest, List.of("g"), List.of(), verified.generation());
    assertThat(verified.find("sato", digest).groupIds()).containsExactly("g");
    assertThat(verified.find("sato", verified.digest("sato", "other"))).isNull();
    Thread.sleep(300);
    assertThat(verified.find("sato", digest)).isNull();

    VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO, 10);
    off.remember("sato", digest, List.of(), List.of(), off.generation());
    assertThat(off.enabled()).isFalse();
    assertThat(off.find("sato", digest)).isNull();
  }

  @Test
  @DisplayName("パスワード確認の途中でその職員が忘れられたら、その確認結果は記憶しない（他の職員の分は記憶する）")
  void aLoginCheckedAcrossAChangeIsNotKept() {
    VerifiedCredentials verified = new VerifiedCredentials(Duration.ofSeconds(30), 10);
    byte[] sato = verified.digest("sato", "sato");
    byte[] suzuki = verified.digest("suzuki", "suzuki");
    long before = verified.generation();
    verified.forget("sato"); // e.g. an administrator changed her password meanwhile
    verified.remember("sato", sato, List.of(), List.of(), before);
    verified.remember("suzuki", suzuki, List.of(), List.of(), before);
    assertThat(verified.find("sato", sato)).isNull();
    assertThat(verified.find("suzuki", suzuki)).isNotNull();
  }

  @Test
  @DisplayName("全員が忘れられたら（グループの削除）、途中の確認結果はどれも記憶しない")
  void aLoginCheckedAcrossForgettingEverybodyIsNotKept() {
    VerifiedCredentials verified = new VerifiedCredentials(Duration.ofSeconds(30), 10);
    byte[] digest = verified.digest("sato", "sato");
    long before = verified.generation();
    verified.forgetAll();
    verified.remember("sato", digest, List.of(), List.of(), before);
    assertThat(verified.find("sato", digest)).isNull();
  }

  @Test
  @DisplayName("誤ったパスワードが多数の ID に送られても、忘れた記録は上限を超えず、途中の確認は安全側に倒す")
  void forgettingIsBounded() {
    VerifiedCredentials verified = new VerifiedCredentials(Duration.ofSeconds(30), 2);
    byte[] digest = verified.digest("sato", "sato");
    long before = verified.generation();
    for (String user : List.of("x1", "x2", "x3")) {
      verified.forget(user);
    }
    verified.remember("sato", digest, List.of(), List.of(), before);
    assertThat(verified.find("sato", digest)).isNull();
    verified.remember("sato", digest, List.of(), List.of(), verified.generation());
    assertThat(verified.find("sato", digest)).isNotNull();
  }

  @Test
  @DisplayName("記憶する件数には上限があり、超えた分は記憶せず毎回確認する")
  void theNumberOfEntriesIsBounded() {
    VerifiedCredentials verified = new VerifiedCredentials(Duration.ofSeconds(30), 2);
    for (String user : List.of("a", "b", "c")) {
      verified.remember(
          user, verified.digest(user, user), List.of(), List.of(), verified.generation());
    }
    assertThat(verified.size()).isEqualTo(2);
    assertThat(verified.find("c", verified.digest("c", "c"))).isNull();
  }

  @Test
  @DisplayName("ハッシュは利用者 ID ごとに異なり、パスワードそのものは保持しない")
  void theDigestDependsOnTheUserAndIsNotThePassword() {
    VerifiedCredentials verified = new VerifiedCredentials(Duration.ofSeconds(30), 2);
    assertThat(verified.digest("a", "pw")).isNotEqualTo(verified.digest("b", "pw"));
    assertThat(verified.digest("a", "pw")).hasSize(32).isNotEqualTo("pw".getBytes());
    assertThat(new VerifiedCredentials(Duration.ofSeconds(30), 2).digest("a", "pw"))
        .as("a key of each start: another node's or an earlier start's digest matches nothing")
        .isNotEqualTo(verified.digest("a", "pw"));
  }
}
