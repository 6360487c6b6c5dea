package jp.lg.externalservice.security;

import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Login everywhere: the webapps ({@code /camunda}) have their own session login; the engine REST
 * API needs HTTP Basic with an engine user; our {@code /api} takes HTTP Basic or the webapps'
 * session (with its CSRF token). Authorization checks are on ({@code application.yaml}).
 */
@Configuration
public class SecurityConfiguration {

  /** HTTP Basic of both paths, with verified credentials remembered briefly (issue 17). */
  @Bean
  public BasicLogin basicLogin(
      VerifiedCredentials verified, LoginThrottle throttle, Privileged privileged) {
    return new BasicLogin(verified, throttle, privileged);
  }

  @Bean
  public FilterRegistrationBean<BasicAuthenticationFilter> basicAuthenticationFilter(
      ProcessEngine engine, BasicLogin login) {
    FilterRegistrationBean<BasicAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new BasicAuthenticationFilter(engine, login));
    registration.setName("basic-authentication");
    registration.addInitParameter(
        BasicAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        BasicAuthenticationFilter.ChallengeWithBody.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(1);
    return registration;
  }

  /**
   * After the login (order 1): what a signed-in user may change through the engine REST API, on
   * both paths.
   */
  @Bean
  public FilterRegistrationBean<EngineRestGuard> engineRestGuard(
      ProcessEngine engine,
      Privileged privileged,
      Administrators administrators,
      TaskAssignments assignmentGuard,
      @Value("${external-service.limits.max-request-size:1MB}") DataSize maxRequestSize) {
    FilterRegistrationBean<EngineRestGuard> registration =
        new FilterRegistrationBean<>(
            new EngineRestGuard(
                engine,
                privileged,
                administrators,
                assignmentGuard,
                (int) maxRequestSize.toBytes()));
    registration.setName("engine-rest-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(2);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(
      ProcessEngine engine, BasicLogin login) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine, login));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(1);
    return registration;
  }
}
