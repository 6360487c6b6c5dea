package jp.lg.externalservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * The throttle's bounds and the client address it trusts; the behaviour over HTTP is in
 * LoginThrottlingTest.
 */
class LoginThrottleTest {

  @BeforeEach
  void freezeClock() {
    ClockUtil.setCurrentTime(new Date());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static LoginThrottle throttle(int maxEntries) {
    return new LoginThrottle(
        0,
        0,
        Duration.ofSeconds(1),
        Duration.ofSeconds(8),
        Duration.ofHours(1),
        Duration.ofDays(30),
        maxEntries);
  }

  @Test
  @DisplayName("保持する件数には上限があり、超えると最も古いものから忘れる（メモリを使い尽くさせない）")
  void holdsAtMostMaxEntries() {
    LoginThrottle throttle = throttle(2);
    for (String address : new String[] {"10.0.0.1", "10.0.0.2", "10.0.0.3"}) {
      throttle.failed("nobody", false, address);
    }
    assertThat(throttle.waitFor(null, "10.0.0.1")).as("dropped").isZero();
    assertThat(throttle.waitFor(null, "10.0.0.2")).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.waitFor(null, "10.0.0.3")).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("存在しない利用者 ID も同じく待たされる（存在を明かさない）が、大量の架空 ID で実在の利用者の記録は押し出せない")
  void unknownUsersWaitInTheirOwnMap() {
    LoginThrottle throttle = throttle(2);
    throttle.failed("sato", true, null);
    throttle.failed("nobody", false, null);
    assertThat(throttle.waitFor("nobody", null))
        .as("as for a real user")
        .isEqualTo(Duration.ofSeconds(1));
    for (int i = 0; i < 10; i++) {
      throttle.failed("invented-" + i, false, null);
    }
    assertThat(throttle.waitFor("SATO", "10.0.0.9"))
        .as("still held; ids without case")
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("時間がたてば待ちは消え、一時間失敗がなければ記録も忘れる")
  void waitsExpire() {
    LoginThrottle throttle = throttle(100);
    throttle.failed("sato", true, null);
    throttle.failed("sato", true, null);
    assertThat(throttle.waitFor("sato", null)).isEqualTo(Duration.ofSeconds(2));
    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofSeconds(2))));
    assertThat(throttle.waitFor("sato", null)).isZero();
    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(61))));
    throttle.failed("sato", true, null);
    assertThat(throttle.waitFor("sato", null))
        .as("forgotten after an hour: the first delay again")
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("IPv6 は /64 ごとに一つのアドレスとして数える")
  void ipv6CountsPerSlash64() {
    assertThat(LoginThrottle.addressKey("2001:db8:1:2:3:4:5:6"))
        .isEqualTo(LoginThrottle.addressKey("2001:db8:1:2::1"))
        .isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:3::1"));
    assertThat(LoginThrottle.addressKey("192.0.2.7")).isEqualTo("192.0.2.7");
  }

  @Test
  @DisplayName("X-Forwarded-For はクライアントが書けるので、Spring の ForwardedHeaderFilter を通ってもコンテナのアドレスを使う")
  void clientCannotChooseItsAddress() throws Exception {
    MockHttpServletRequest sent = new MockHttpServletRequest("GET", "/engine-rest/engine");
    sent.setRemoteAddr("10.1.2.3");
    sent.addHeader("X-Forwarded-For", "192.0.2.66");
    AtomicReference<ServletRequest> seen = new AtomicReference<>();
    new ForwardedHeaderFilter()
        .doFilter(sent, new MockHttpServletResponse(), (request, response) -> seen.set(request));

    assertThat(seen.get().getRemoteAddr())
        .as("what the framework strategy reports")
        .isEqualTo("192.0.2.66");
    assertThat(LoginThrottle.clientAddress(seen.get())).isEqualTo("10.1.2.3");
  }
}
