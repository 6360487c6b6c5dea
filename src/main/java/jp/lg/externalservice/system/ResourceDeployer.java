package jp.lg.externalservice.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the diagrams, rule tables ({@code processes/}) and forms ({@code forms/}) at start-up and
 * on an administrator's request, so that a revision made in Camunda Modeler needs no Java build.
 *
 * <ul>
 *   <li>Files are read from the folders {@code processes/} and {@code forms/} under {@code
 *       external-service.deployment.directory} (default: the working directory); a file missing
 *       there is taken from the packaged jar. The file wins over the jar copy of the same name.
 *   <li>Only changed files get a new version: a file equal to the copy this deployer deployed last
 *       is left alone (the engine's duplicate filtering per resource), and so is a changed file
 *       whose content is already the latest version (deployed from Camunda Modeler). A restart
 *       therefore never duplicates nor undoes a Modeler deployment.
 *   <li>All changed files are validated first and deployed together in one deployment, in one
 *       transaction: one bad file refuses the whole revision, naming every file and problem, and
 *       the deployed versions stay active.
 * </ul>
 */
@Component
public class ResourceDeployer implements SmartInitializingSingleton {

  public static final String DEPLOYMENT_NAME = "external-service-approval";
  static final String SOURCE = "external-service-approval";

  /** Folder → file extensions deployed from it. */
  static final Map<String, List<String>> FOLDERS =
      Map.of("processes", List.of(".bpmn", ".dmn"), "forms", List.of(".form"));

  private static final Logger LOG = LoggerFactory.getLogger(ResourceDeployer.class);

  private final RepositoryService repositoryService;
  private final ResourceValidator validator;
  private final Privileged privileged;
  private final EngineInternals engine;
  private final Path directory;

  public ResourceDeployer(
      ProcessEngine processEngine,
      ResourceValidator validator,
      Privileged privileged,
      EngineInternals engine,
      @Value("${external-service.deployment.directory:}") String directory) {
    this.repositoryService = processEngine.getRepositoryService();
    this.validator = validator;
    this.privileged = privileged;
    this.engine = engine;
    this.directory = Path.of(directory.isBlank() ? "." : directory).toAbsolutePath().normalize();
  }

  /**
   * Runs once the engine is built, before the web server accepts requests. A refused revision does
   * not stop the application when versions are deployed already: they keep serving and the log
   * names every problem.
   */
  @Override
  public void afterSingletonsInstantiated() {
    try {
      deploy(directory, false);
    } catch (DeploymentRefusedException e) {
      if (repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count() == 0) {
        throw e;
      }
      LOG.error("Revision refused; the deployed versions stay active: {}", e.getMessage());
    }
  }

  /** The configured deployment directory (containing {@code processes/} and {@code forms/}). */
  public Path directory() {
    return directory;
  }

  /**
   * Deploys what changed in the configured directory (or reports what would be deployed, in a dry
   * run).
   */
  public DeploymentReport deploy(boolean dryRun) {
    return deploy(directory, dryRun);
  }

  public DeploymentReport deploy(Path directory, boolean dryRun) {
    Map<String, Candidate> candidates = read(directory);
    Map<String, byte[]> deployedByUs = lastDeployed(candidates.keySet());
    List<DeploymentReport.ResourceStatus> statuses = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    List<Candidate> changed = new ArrayList<>();
    for (Candidate candidate : candidates.values()) {
      DeploymentReport.Status status = DeploymentReport.Status.UNCHANGED;
      if (!Arrays.equals(candidate.content(), deployedByUs.get(candidate.name()))) {
        ResourceValidator.Result result = validator.validate(candidate.name(), candidate.content());
        errors.addAll(result.errors());
        status =
            result.valid() && isLatestVersion(candidate, result.keys())
                ? DeploymentReport.Status.ALREADY_DEPLOYED
                : DeploymentReport.Status.CHANGED;
      }
      if (status == DeploymentReport.Status.CHANGED) {
        changed.add(candidate);
      }
      statuses.add(
          new DeploymentReport.ResourceStatus(candidate.name(), candidate.origin(), status));
    }
    if (!errors.isEmpty()) {
      throw refused(errors);
    }
    if (dryRun || changed.isEmpty()) {
      LOG.info(
          "{} {}: {} resources checked, changed: {}",
          dryRun ? "Dry run of" : "Nothing to deploy for",
          DEPLOYMENT_NAME,
          candidates.size(),
          changed.stream().map(Candidate::name).toList());
      return new DeploymentReport(dryRun, null, statuses, List.of());
    }
    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(SOURCE)
            .enableDuplicateFiltering(true);
    changed.forEach(
        candidate ->
            builder.addInputStream(
                candidate.name(), new ByteArrayInputStream(candidate.content())));
    DeploymentWithDefinitions deployment;
    try {
      deployment = builder.deployWithResult();
    } catch (ParseException e) {
      throw refused(parseErrors(e));
    } catch (ProcessEngineException e) {
      throw refused(
          List.of(
              new FieldError(
                  String.join(", ", changed.stream().map(Candidate::name).toList()),
                  "エンジンがデプロイを拒否しました: " + e.getMessage(),
                  "the engine refused the deployment: " + e.getMessage())));
    }
    List<DeploymentReport.DeployedDefinition> definitions = new ArrayList<>();
    for (ProcessDefinition definition : nullToEmpty(deployment.getDeployedProcessDefinitions())) {
      definitions.add(
          new DeploymentReport.DeployedDefinition(
              "process", definition.getKey(), definition.getVersion(), definition.getId()));
    }
    for (DecisionDefinition definition : nullToEmpty(deployment.getDeployedDecisionDefinitions())) {
      definitions.add(
          new DeploymentReport.DeployedDefinition(
              "decision", definition.getKey(), definition.getVersion(), definition.getId()));
    }
    LOG.info(
        "Deployed {} ({}) from {}: new versions of {}",
        DEPLOYMENT_NAME,
        deployment.getId(),
        directory,
        changed.stream().map(Candidate::name).toList());
    return new DeploymentReport(false, deployment.getId(), statuses, definitions);
  }

  private record Candidate(String name, String origin, byte[] content) {}

  /**
   * The jar copies, then the files of the directory over them: the file wins. Sorted by resource
   * name.
   */
  private static Map<String, Candidate> read(Path directory) {
    Map<String, Candidate> candidates = new TreeMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      for (Map.Entry<String, List<String>> folder : FOLDERS.entrySet()) {
        for (String extension : folder.getValue()) {
          for (Resource resource :
              resolver.getResources("classpath*:" + folder.getKey() + "/*" + extension)) {
            try (InputStream in = resource.getInputStream()) {
              String name = folder.getKey() + "/" + resource.getFilename();
              candidates.put(name, new Candidate(name, "jar", in.readAllBytes()));
            }
          }
        }
        Path files = directory.resolve(folder.getKey());
        if (!Files.isDirectory(files)) {
          continue;
        }
        try (Stream<Path> list = Files.list(files)) {
          for (Path file : list.filter(Files::isRegularFile).toList()) {
            String fileName = file.getFileName().toString();
            if (folder.getValue().stream().anyMatch(fileName::endsWith)) {
              String name = folder.getKey() + "/" + fileName;
              candidates.put(name, new Candidate(name, "file", Files.readAllBytes(file)));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("リソースを読み込めません（cannot read resources）", e);
    }
    return candidates;
  }

  /**
   * The content of each resource as this deployer deployed it last: the baseline of the engine's
   * duplicate filtering (the resource of that name in the newest deployment with this deployer's
   * name and source, without tenant).
   */
  private Map<String, byte[]> lastDeployed(Set<String> names) {
    return privileged.call(
        () -> {
          Map<String, byte[]> contents = new TreeMap<>();
          List<Deployment> deployments =
              repositoryService
                  .createDeploymentQuery()
                  .deploymentName(DEPLOYMENT_NAME)
                  .deploymentSource(SOURCE)
                  .withoutTenantId()
                  .orderByDeploymentTime()
                  .desc()
                  .list();
          for (Deployment deployment : deployments) {
            for (String name : repositoryService.getDeploymentResourceNames(deployment.getId())) {
              if (names.contains(name) && !contents.containsKey(name)) {
                contents.put(name, resource(deployment.getId(), name));
              }
            }
            if (contents.size() == names.size()) {
              break;
            }
          }
          return contents;
        });
  }

  private byte[] resource(String deploymentId, String name) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether every definition of the resource is, at its latest version, exactly this content. */
  private boolean isLatestVersion(Candidate candidate, List<String> keys) {
    return privileged.call(
        () -> {
          for (String key : keys) {
            ResourceDefinition latest = latestDefinition(candidate.name(), key);
            if (latest == null) {
              return false;
            }
            if (!Arrays.equals(
                resource(latest.getDeploymentId(), latest.getResourceName()),
                candidate.content())) {
              return false;
            }
          }
          return !keys.isEmpty();
        });
  }

  private ResourceDefinition latestDefinition(String resourceName, String key) {
    if (resourceName.endsWith(".bpmn")) {
      return repositoryService
          .createProcessDefinitionQuery()
          .processDefinitionKey(key)
          .withoutTenantId()
          .latestVersion()
          .singleResult();
    }
    if (resourceName.endsWith(".dmn")) {
      return repositoryService
          .createDecisionDefinitionQuery()
          .decisionDefinitionKey(key)
          .withoutTenantId()
          .latestVersion()
          .singleResult();
    }
    return engine.latestFormDefinition(key);
  }

  private static List<FieldError> parseErrors(ParseException e) {
    List<FieldError> errors = new ArrayList<>();
    for (ResourceReport report : e.getResorceReports()) {
      for (Problem problem : report.getErrors()) {
        String where =
            (problem.getLine() > 0 ? problem.getLine() + " 行目" : "")
                + (problem.getMainElementId() != null ? " 要素 " + problem.getMainElementId() : "");
        String whereEn =
            (problem.getLine() > 0 ? "line " + problem.getLine() : "")
                + (problem.getMainElementId() != null
                    ? " element " + problem.getMainElementId()
                    : "");
        errors.add(
            new FieldError(
                report.getResourceName(),
                "図に誤りがあります"
                    + (where.isBlank() ? "" : "（" + where.strip() + "）")
                    + ": "
                    + problem.getMessage(),
                "invalid diagram"
                    + (whereEn.isBlank() ? "" : " (" + whereEn.strip() + ")")
                    + ": "
                    + problem.getMessage()));
      }
    }
    if (errors.isEmpty()) {
      errors.add(
          new FieldError(
              "(deployment)",
              "図に誤りがあります: " + e.getMessage(),
              "invalid diagram: " + e.getMessage()));
    }
    return errors;
  }

  private static DeploymentRefusedException refused(List<FieldError> errors) {
    return new DeploymentRefusedException(errors);
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
