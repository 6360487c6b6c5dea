package jp.lg.externalservice.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import jp.lg.externalservice.system.ErrorResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} to a login that {@link LoginThrottle} makes wait, before any
 * password is checked and without holding the request thread: HTTP Basic on {@code /engine-rest}
 * and {@code /api}, and the webapps' login form ({@code POST
 * /camunda/api/admin/auth/user/{engine}/login/{app}}). The password checks themselves are counted
 * in {@link ThrottledIdentityProvider}.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Pattern WEBAPP_LOGIN =
      Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+/?");
  private static final Pattern BASIC_PATHS = Pattern.compile("/(engine-rest|api)(/.*)?");

  private final LoginThrottle throttle;
  private final ObjectMapper json;

  public LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
    this.throttle = throttle;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String userId = null;
    boolean login = false;
    if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
      login = true;
      FormBody form = new FormBody(request);
      request = form;
      userId = form.value("username");
    } else if (BASIC_PATHS.matcher(path).matches()) {
      String basic = basicUser(request.getHeader("Authorization"));
      login = basic != null;
      userId = basic;
    }
    Duration wait =
        login ? throttle.waitFor(userId, LoginThrottle.clientAddress(request)) : Duration.ZERO;
    if (wait.isZero()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader("Retry-After", Long.toString(seconds));
    new ErrorResponse(
            "パスワードの誤りが続いたため、ログインを一時的に止めています。" + seconds + " 秒後にもう一度お試しください",
            "Too many wrong passwords: logins are paused, try again in " + seconds + " seconds",
            List.of())
        .writeTo(response, 429);
  }

  /**
   * The login form, read here and handed on unchanged. {@code request.getParameter} would consume
   * the body, and the webapps' JAX-RS login would then warn on every login that it had to take the
   * form from the servlet parameters.
   */
  private static final class FormBody extends HttpServletRequestWrapper {

    private static final int LIMIT = 16 * 1024; // a login form is a few dozen bytes

    private final byte[] head;

    FormBody(HttpServletRequest request) throws IOException {
      super(request);
      this.head = request.getInputStream().readNBytes(LIMIT);
    }

    /** A field of the form, or null when absent or when the body is larger than a login form. */
    String value(String name) {
      if (head.length >= LIMIT) {
        return null; // ThrottledIdentityProvider still refuses the check while the user id waits
      }
      Charset charset =
          getCharacterEncoding() == null
              ? StandardCharsets.UTF_8
              : Charset.forName(getCharacterEncoding());
      for (String pair : new String(head, StandardCharsets.ISO_8859_1).split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), charset).equals(name)) {
          return URLDecoder.decode(pair.substring(equals + 1), charset);
        }
      }
      return null;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream rest = super.getInputStream();
      InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), rest);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return all.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return all.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return rest.isFinished();
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding =
          getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
    }
  }

  /** The user id of an HTTP Basic header, or null when there is none. */
  private static String basicUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String credentials =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = credentials.indexOf(':');
      return colon < 0 ? credentials : credentials.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null; // not Base64: the authentication filter refuses it without a password check
    }
  }

  /** Registered ahead of the login filters of {@link SecurityConfiguration} and of the webapps. */
  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(
        LoginThrottle throttle, ObjectMapper json) {
      FilterRegistrationBean<LoginThrottleFilter> registration =
          new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, json));
      registration.setName("login-throttle");
      registration.addUrlPatterns("/*");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
      return registration;
    }
  }
}
