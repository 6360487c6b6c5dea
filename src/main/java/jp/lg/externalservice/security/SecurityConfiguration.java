package jp.lg.externalservice.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Login everywhere: the webapps ({@code /camunda}) have their own session login; the engine REST API and our
 * {@code /api} need HTTP Basic with an engine user. Authorization checks are on ({@code application.yaml}).
 */
@Configuration
public class SecurityConfiguration {

  @Bean
  public FilterRegistrationBean<BasicAuthenticationFilter> basicAuthenticationFilter() {
    FilterRegistrationBean<BasicAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new BasicAuthenticationFilter());
    registration.setName("basic-authentication");
    registration.addInitParameter(BasicAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        BasicAuthenticationFilter.ChallengeWithBody.class.getName());
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setOrder(1);
    return registration;
  }
}
