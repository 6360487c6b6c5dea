package jp.lg.externalservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.lg.externalservice.WebTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Wrong passwords slow logins down per user id and per client address, on every path that checks a
 * password, and never lock an account (issue 12, item 8). Each test sends from its own loopback
 * addresses (127.0.0.x) and moves the engine clock instead of sleeping.
 */
@TestPropertySource(
    properties = {
      "external-service.login.user-free-failures=3",
      "external-service.login.address-free-failures=8",
      "external-service.login.first-delay=2s",
      "external-service.login.max-delay=16s"
    })
@Tag("own-application-context") // boots the application with its own settings: a JVM of its own
// (pom.xml)
class LoginThrottlingTest extends WebTest {

  private static final String ENGINE = "/engine-rest/engine";

  @Autowired IdentityService identityService;
  @Autowired DataSource dataSource;

  @BeforeEach
  void freezeClock() {
    ClockUtil.setCurrentTime(new Date());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("誤ったパスワードが続くと待ち時間が倍々に延びて 429 になるが、アカウントはロックされず、待てば正しいパスワードで入れる")
  void delayGrowsButTheOwnerGetsIn() {
    String address = "127.0.0.2";
    for (int i = 1; i <= 3; i++) {
      assertThat(from(address, "GET", ENGINE, "tanaka:wrong-" + i).status())
          .as("free failure " + i)
          .isEqualTo(401);
    }
    List<Long> waits = new ArrayList<>();
    for (int round = 0; round < 12; round++) {
      assertThat(from(address, "GET", ENGINE, "tanaka:wrong").status())
          .as("round " + round)
          .isEqualTo(401);
      Answer waiting = from(address, "GET", ENGINE, "tanaka"); // even the right password waits
      assertThat(waiting.status()).isEqualTo(429);
      assertThat(waiting.body().get("error").asText()).contains("秒後にもう一度");
      assertThat(waiting.body().get("errorEn").asText()).contains("try again in");
      long wait = Long.parseLong(waiting.headers().firstValue("Retry-After").orElseThrow());
      waits.add(wait);
      advance(Duration.ofSeconds(wait).minusMillis(1));
      assertThat(from(address, "GET", ENGINE, "tanaka").status())
          .as("still waiting")
          .isEqualTo(429);
      advance(Duration.ofMillis(1));
    }
    // 15 wrong passwords: more than the engine's loginMaxAttempts (10), which used to lock the
    // account for good
    assertThat(waits).startsWith(2L, 4L, 8L, 16L, 16L).allMatch(wait -> wait <= 16);
    UserEntity tanaka =
        (UserEntity) identityService.createUserQuery().userId("tanaka").singleResult();
    assertThat(tanaka.getAttempts()).as("the engine counts no attempts").isZero();
    assertThat(tanaka.getLockExpirationTime()).as("the engine locks nobody").isNull();
    assertThat(from(address, "GET", ENGINE, "tanaka").status()).isEqualTo(200);
    // a success starts the user id afresh (the next wrong password is a free one again); the
    // address that sent
    // 15 wrong passwords stays slow on its own count
    assertThat(from("127.0.0.12", "GET", ENGINE, "tanaka:wrong").status()).isEqualTo(401);
    assertThat(from("127.0.0.12", "GET", ENGINE, "tanaka").status()).isEqualTo(200);
    assertThat(from(address, "GET", ENGINE, "tanaka:wrong").status()).isEqualTo(401);
    assertThat(from(address, "GET", ENGINE, "sato").status()).isEqualTo(429);
  }

  @Test
  @DisplayName("利用者 ID への攻撃は他の利用者を遅らせず、本人が以前ログインしたアドレスも遅らせない")
  void anAttackOnOneUserSlowsOnlyThatUserFromUnknownAddresses() {
    assertThat(from("127.0.0.3", "GET", ENGINE, "suzuki").status())
        .as("suzuki's own PC")
        .isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      assertThat(from("127.0.0.4", "GET", ENGINE, "suzuki:guess-" + i).status()).isEqualTo(401);
    }
    assertThat(from("127.0.0.4", "GET", ENGINE, "suzuki").status()).isEqualTo(429);
    assertThat(from("127.0.0.5", "GET", ENGINE, "suzuki").status())
        .as("any other address")
        .isEqualTo(429);
    assertThat(from("127.0.0.3", "GET", ENGINE, "suzuki").status())
        .as("where suzuki logged in before")
        .isEqualTo(200);
    assertThat(from("127.0.0.4", "GET", ENGINE, "sato").status())
        .as("another user, attacker's address")
        .isEqualTo(200);
    assertThat(from("127.0.0.5", "GET", ENGINE, "sato").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("一つのアドレスから多数の利用者 ID を試すとそのアドレスだけが遅くなる")
  void sprayingFromOneAddressSlowsThatAddress() {
    for (int i = 0; i < 9; i++) {
      assertThat(from("127.0.0.6", "GET", ENGINE, "nobody-" + i + ":password").status())
          .isEqualTo(401);
    }
    Answer waiting = from("127.0.0.6", "GET", "/api/services", "ito");
    assertThat(waiting.status()).as("the address waits, on /api too").isEqualTo(429);
    assertThat(waiting.headers().firstValue("Retry-After")).contains("2");
    assertThat(from("127.0.0.7", "GET", "/api/services", "ito").status()).isEqualTo(200);
    assertThat(from("127.0.0.7", "GET", ENGINE, "nobody-1:password").status())
        .as("one failure of that id is free")
        .isEqualTo(401);
    advance(Duration.ofSeconds(2));
    assertThat(from("127.0.0.6", "GET", ENGINE, "ito").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Tasklist などのログイン画面も同じ制限を受け、REST と失敗回数を共有する")
  void webappLoginIsThrottled() {
    for (int i = 0; i < 4; i++) {
      assertThat(webappLogin("127.0.0.8", "takahashi", "wrong").status()).isEqualTo(401);
    }
    Answer waiting = webappLogin("127.0.0.8", "takahashi", "takahashi");
    assertThat(waiting.status()).isEqualTo(429);
    assertThat(waiting.headers().firstValue("Retry-After")).contains("2");
    assertThat(from("127.0.0.9", "GET", ENGINE, "takahashi").status())
        .as("the same user id on REST")
        .isEqualTo(429);
    advance(Duration.ofSeconds(2));
    assertThat(webappLogin("127.0.0.8", "takahashi", "takahashi").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("/engine-rest/identity/verify でもパスワードを試せない（待ち時間中は正しくても false、失敗は数える）")
  void identityVerifyIsCounted() {
    for (int i = 0; i < 4; i++) {
      assertThat(verify("127.0.0.10", "yamamoto", "guess-" + i)).isFalse();
    }
    assertThat(from("127.0.0.11", "GET", ENGINE, "yamamoto").status())
        .as("the guesses counted")
        .isEqualTo(429);
    assertThat(verify("127.0.0.10", "yamamoto", "yamamoto"))
        .as("not checked while waiting")
        .isFalse();
    advance(Duration.ofSeconds(2));
    assertThat(verify("127.0.0.10", "yamamoto", "yamamoto")).isTrue();
  }

  @Test
  @DisplayName("以前の版でエンジンが永久ロックした利用者（ENGINE-27002）も、正しいパスワードで入れてロックが消える")
  void aLockLeftByTheEngineIsIgnoredAndCleared() {
    new JdbcTemplate(dataSource)
        .update(
            "update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = ?",
            new java.sql.Timestamp(System.currentTimeMillis() + Duration.ofDays(365).toMillis()),
            "kimura");
    assertThat(from("127.0.0.13", "GET", ENGINE, "kimura").status()).isEqualTo(200);
    UserEntity kimura =
        (UserEntity) identityService.createUserQuery().userId("kimura").singleResult();
    assertThat(kimura.getAttempts()).isZero();
    assertThat(kimura.getLockExpirationTime()).isNull();
  }

  private boolean verify(String address, String user, String password) {
    Answer answer =
        from(
            address,
            "POST",
            "/engine-rest/identity/verify",
            "demo:demo",
            "application/json",
            "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}",
            Map.of());
    assertThat(answer.status()).isEqualTo(200);
    return answer.body().get("authenticated").asBoolean();
  }

  /**
   * Tasklist's login: the page gives a session and its CSRF token, the form posts user id and
   * password.
   */
  private Answer webappLogin(String address, String user, String password) {
    Answer page =
        from(address, "GET", "/camunda/app/tasklist/default/", null, null, null, Map.of());
    String cookies =
        String.join(
            "; ",
            page.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .toList());
    return from(
        address,
        "POST",
        "/camunda/api/admin/auth/user/default/login/tasklist",
        null,
        "application/x-www-form-urlencoded",
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8),
        Map.of(
            "Cookie",
            cookies,
            "X-XSRF-TOKEN",
            page.headers().firstValue("X-XSRF-TOKEN").orElseThrow()));
  }

  private static void advance(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  private Answer from(String address, String method, String path, String user) {
    return from(address, method, path, user, null, null, Map.of());
  }

  /**
   * One HTTP/1.0 request sent from a chosen loopback address, which the server sees as the client's
   * address (the JDK's HttpClient cannot choose its local address).
   */
  private Answer from(
      String address,
      String method,
      String path,
      String user,
      String contentType,
      String body,
      Map<String, String> extraHeaders) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(address, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request =
          new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n");
      if (user != null) {
        String credentials = user.contains(":") ? user : user + ":" + user;
        request
            .append("Authorization: Basic ")
            .append(
                Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .append("\r\n");
      }
      if (contentType != null) {
        request.append("Content-Type: ").append(contentType).append("\r\n");
      }
      extraHeaders.forEach(
          (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      in.transferTo(received);
      String response = received.toString(StandardCharsets.UTF_8);
      int headerEnd = response.indexOf("\r\n\r\n");
      String[] lines = response.substring(0, headerEnd).split("\r\n");
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers
            .computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
      String text = response.substring(headerEnd + 4);
      return new Answer(
          Integer.parseInt(lines[0].split(" ")[1]),
          text.startsWith("{") ? JSON.readTree(text) : null,
          text,
          HttpHeaders.of(headers, (name, value) -> true));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
