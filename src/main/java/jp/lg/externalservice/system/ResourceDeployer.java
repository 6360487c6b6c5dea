package jp.lg.externalservice.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the diagrams, rule tables ({@code processes/}) and forms ({@code forms/}) at start-up. Only changed
 * resources get a new version: an unchanged file never creates a new version on restart.
 */
@Component
public class ResourceDeployer implements SmartInitializingSingleton {

  public static final String DEPLOYMENT_NAME = "external-service-approval";
  static final String[] PATTERNS = {
      "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form"};

  private static final Logger LOG = LoggerFactory.getLogger(ResourceDeployer.class);

  private final RepositoryService repositoryService;

  public ResourceDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** Runs once the engine is built, before the web server accepts requests. */
  @Override
  public void afterSingletonsInstantiated() {
    deploy();
  }

  public void deploy() {
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("external-service-approval")
        .enableDuplicateFiltering(true);
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      for (String pattern : PATTERNS) {
        Resource[] resources = resolver.getResources(pattern);
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        for (Resource resource : resources) {
          try (InputStream in = resource.getInputStream()) {
            builder.addInputStream(folderOf(pattern) + resource.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("リソースを読み込めません（cannot read resources）", e);
    }
    Deployment deployment = builder.deploy();
    LOG.info("Deployed {} ({}): {} resources checked, changed ones got a new version",
        DEPLOYMENT_NAME, deployment.getId(), builder.getResourceNames().size());
  }

  private static String folderOf(String pattern) {
    return pattern.substring("classpath*:".length(), pattern.lastIndexOf('/') + 1);
  }
}
