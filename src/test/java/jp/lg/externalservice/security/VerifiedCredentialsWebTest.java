package jp.lg.externalservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.lg.externalservice.WebTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembered HTTP Basic logins (issue 17, {@link VerifiedCredentials}): a right password is
 * remembered briefly, and every change of the user, their password or their groups ends it at once.
 * A test proves that a login is served from memory by changing the stored password behind the
 * engine's back (plain SQL): the engine would refuse the old password, the memory still takes it.
 * Each test sends from loopback addresses of its own, so that its wrong passwords slow no other
 * test's logins, and freezes the engine clock, so that a wait the throttle imposes lasts (the
 * memory's own time is the JVM's and goes on).
 */
class VerifiedCredentialsWebTest extends WebTest {

  private static final String NOOP = "/engine-rest/engine";

  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;

  private final List<String> created = new ArrayList<>();

  @BeforeEach
  void freezeClock() {
    ClockUtil.setCurrentTime(new Date());
  }

  @AfterEach
  void deleteUsers() {
    ClockUtil.reset();
    created.forEach(identityService::deleteUser);
  }

  @Test
  @DisplayName("正しいパスワードは短時間記憶され、エンジンの外で変わった保存値では拒まれず、パスワード変更では直ちに古いものが拒まれる")
  void aPasswordChangeEndsTheRememberedLoginAtOnce() {
    String user = newUser("pw-1");
    assertThat(status("127.0.1.1", "GET", NOOP, user + ":pw-1")).isEqualTo(200);
    assertThat(status("127.0.1.1", "POST", "/api/precheck", user + ":pw-1"))
        .as("/api logs in the same way")
        .isNotIn(401, 429);

    storePasswordBehindTheEnginesBack(user);
    assertThat(status("127.0.1.1", "GET", NOOP, user + ":pw-1"))
        .as("remembered: the engine is not asked again")
        .isEqualTo(200);

    User stored = identityService.createUserQuery().userId(user).singleResult();
    stored.setPassword("pw-2");
    identityService.saveUser(stored);
    assertThat(status("127.0.1.1", "GET", NOOP, user + ":pw-1")).isEqualTo(401);
    assertThat(status("127.0.1.1", "POST", "/api/precheck", user + ":pw-1")).isEqualTo(401);
    assertThat(status("127.0.1.1", "GET", NOOP, user + ":pw-2")).isEqualTo(200);
  }

  @Test
  @DisplayName("ユーザーを削除すると、記憶されていたログインも直ちに拒まれる")
  void deletingTheUserEndsItAtOnce() {
    String user = newUser("pw-1");
    assertThat(status("127.0.1.2", "GET", NOOP, user + ":pw-1")).isEqualTo(200);
    identityService.deleteUser(user);
    created.remove(user);
    assertThat(status("127.0.1.2", "GET", NOOP, user + ":pw-1")).isEqualTo(401);
    assertThat(status("127.0.1.2", "GET", "/api/me/notification-settings", user + ":pw-1"))
        .isEqualTo(401);
  }

  @Test
  @DisplayName("グループへの追加と削除は、記憶されていたログインにも直ちに反映される")
  void groupChangesTakeEffectAtOnce() {
    String user = newUser("pw-1");
    String admin = "/api/admin/deployments";
    assertThat(status("127.0.1.3", "GET", admin, user + ":pw-1")).isEqualTo(403);
    identityService.createMembership(user, "camunda-admin");
    assertThat(status("127.0.1.3", "GET", admin, user + ":pw-1")).isEqualTo(200);
    identityService.deleteMembership(user, "camunda-admin");
    assertThat(status("127.0.1.3", "GET", admin, user + ":pw-1")).isEqualTo(403);
  }

  @Test
  @DisplayName("誤ったパスワードは記憶があっても決して通らず、ログイン制限の回数に数えられる")
  void aWrongPasswordNeverSucceeds() {
    String user = newUser("pw-1");
    assertThat(status("127.0.1.4", "GET", NOOP, user + ":pw-1")).isEqualTo(200);
    for (String wrong : List.of("pw-2", "pw-1 ", "PW-1", "", "pw-")) {
      assertThat(status("127.0.1.4", "GET", NOOP, user + ":" + wrong)).as(wrong).isEqualTo(401);
    }
    assertThat(status("127.0.1.4", "GET", NOOP, user.toUpperCase() + ":pw-1"))
        .as("another spelling of the id is checked by the engine, which knows no such user")
        .isEqualTo(401);
    // five free failures (application.yaml): the sixth makes the user id wait
    assertThat(status("127.0.1.4", "GET", NOOP, user + ":pw-x")).isEqualTo(401);
    assertThat(status("127.0.1.5", "GET", NOOP, user + ":pw-1"))
        .as("a new address waits, though the password was remembered")
        .isEqualTo(429);
    assertThat(status("127.0.1.4", "GET", NOOP, user + ":pw-1"))
        .as("the address the user logged in from is not slowed by the user id's failures, as ever")
        .isEqualTo(200);
  }

  @Test
  @DisplayName("ロックアウト中は、記憶されていたログインでも拒まれる")
  void aWaitingUserIsRefusedEvenWhenRemembered() {
    String user = newUser("pw-1");
    assertThat(status("127.0.1.6", "GET", NOOP, user + ":pw-1")).isEqualTo(200);
    for (int i = 0; i < 6; i++) {
      assertThat(status("127.0.1.7", "GET", NOOP, user + ":guess-" + i)).isEqualTo(401);
    }
    assertThat(status("127.0.1.8", "GET", NOOP, user + ":pw-1")).isEqualTo(429);
    assertThat(status("127.0.1.8", "POST", "/api/precheck", user + ":pw-1")).isEqualTo(429);
  }

  @Test
  @DisplayName("職員ディレクトリの同期で変わった職員の記憶は直ちに消える")
  void aDirectorySyncEndsItAtOnce() {
    String user = newUser("pw-1");
    assertThat(status("127.0.1.9", "GET", NOOP, user + ":pw-1")).isEqualTo(200);
    storePasswordBehindTheEnginesBack(user);
    assertThat(status("127.0.1.9", "GET", NOOP, user + ":pw-1")).isEqualTo(200);
    events.publishEvent(new DirectoryChanged(Set.of(user)));
    assertThat(status("127.0.1.9", "GET", NOOP, user + ":pw-1")).isEqualTo(401);
  }

  private String newUser(String password) {
    String id = "cache" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword(password);
    user.setFirstName("記憶");
    user.setLastName("試験");
    identityService.saveUser(user);
    created.add(id);
    return id;
  }

  /** A password nobody knows, written as plain SQL: the engine and its provider see nothing. */
  private void storePasswordBehindTheEnginesBack(String user) {
    assertThat(
            jdbc.update(
                "UPDATE ACT_ID_USER SET PWD_ = ?, SALT_ = ? WHERE ID_ = ?",
                "{SHA-512}unknown",
                "unknown",
                user))
        .isEqualTo(1);
  }

  /** The status of one HTTP/1.0 request sent from a chosen loopback address. */
  private int status(String address, String method, String path, String credentials) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(address, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      byte[] body =
          "POST".equals(method)
              ? "{\"serviceName\":\"x\"}".getBytes(StandardCharsets.UTF_8)
              : new byte[0];
      String request =
          method
              + " "
              + path
              + " HTTP/1.0\r\nHost: localhost\r\nAuthorization: Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length
              + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(statusLine.substring(9, 12));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
