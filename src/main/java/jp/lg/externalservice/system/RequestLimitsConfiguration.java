package jp.lg.externalservice.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The size limit of request bodies ({@code external-service.limits.*}) on every path that takes
 * one: our API, the engine REST API and the webapps' API (Tasklist submits forms through {@code
 * /camunda/api/engine}). It runs before authentication, so no body is read unbounded by anyone.
 */
@Configuration
public class RequestLimitsConfiguration {

  @Bean
  public FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
      @Value("${external-service.limits.max-request-size:1MB}") DataSize maxRequestSize,
      @Value("${external-service.limits.max-upload-size:12MB}") DataSize maxUploadSize) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxRequestSize, maxUploadSize));
    registration.setName("request-size-limit");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
