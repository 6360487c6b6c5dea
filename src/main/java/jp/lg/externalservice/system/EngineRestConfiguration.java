package jp.lg.externalservice.system;

import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * The engine REST API at {@code /engine-rest}, with validation errors answered as 400 (see the
 * mappers).
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    CamundaRestResources.getConfigurationClasses().stream()
        .filter(
            type ->
                type != RestExceptionHandler.class && type != ProcessEngineExceptionHandler.class)
        .forEach(this::register);
    register(RestValidationExceptionMappers.ForRestException.class);
    register(RestValidationExceptionMappers.ForProcessEngineException.class);
    register(JacksonFeature.class);
  }
}
