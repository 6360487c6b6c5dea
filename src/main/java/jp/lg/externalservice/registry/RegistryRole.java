package jp.lg.externalservice.registry;

/**
 * The two people a registry entry names: the サービス管理担当者 (the periodic duties of the operation) and
 * the 外部サービス管理者 (the department's 所属長, ruling R-21). Either may leave in a personnel change (人事異動);
 * a successor is then named ({@link RegistryLifecycle#nameSuccessor}).
 */
public enum RegistryRole {
  SERVICE_MANAGER("サービス管理担当者"),
  SERVICE_ADMINISTRATOR("外部サービス管理者");

  private final String label;

  RegistryRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Who holds the role in {@code entry} (user id; the service manager may be null). */
  public String holderOf(RegistryEntry entry) {
    return this == SERVICE_MANAGER ? entry.serviceManager() : entry.serviceAdministrator();
  }

  /** The holder's name as the entry records it. */
  public String holderNameOf(RegistryEntry entry) {
    return this == SERVICE_MANAGER ? entry.serviceManagerName() : entry.serviceAdministratorName();
  }
}
