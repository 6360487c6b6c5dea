package jp.lg.externalservice.system;

import java.util.List;

/**
 * What a (re)deployment of {@code processes/} and {@code forms/} did, or would do in a dry run:
 * every resource with where it was read from and its status, the new deployment (null when nothing
 * changed) and the new versions.
 */
public record DeploymentReport(
    boolean dryRun,
    String deploymentId,
    List<ResourceStatus> resources,
    List<DeployedDefinition> deployedDefinitions) {

  public enum Status {
    /** Equal to the copy this deployer deployed last: nothing to do. */
    UNCHANGED,
    /**
     * Changed, but the very same content is already the latest version (deployed from Camunda
     * Modeler).
     */
    ALREADY_DEPLOYED,
    /** New or changed: gets a new version (or would, in a dry run). */
    CHANGED
  }

  /**
   * {@code origin} is {@code file} (the deployment directory) or {@code jar} (the packaged copy).
   */
  public record ResourceStatus(String resource, String origin, Status status) {}

  /** {@code type} is {@code process} or {@code decision}. */
  public record DeployedDefinition(String type, String key, int version, String id) {}

  public List<String> changed() {
    return resources.stream()
        .filter(resource -> resource.status() == Status.CHANGED)
        .map(ResourceStatus::resource)
        .toList();
  }
}
