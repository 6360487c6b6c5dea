package jp.lg.externalservice.registry;

import jp.lg.externalservice.classification.Route;

/**
 * Filters of {@link RegistryService#search}; every one is optional (null: any). {@code text}
 * matches the service or the provider name, case-insensitively.
 */
public record RegistryQuery(
    RegistryStatus status, String departmentCode, Route route, String text) {

  public static RegistryQuery all() {
    return new RegistryQuery(null, null, null, null);
  }
}
