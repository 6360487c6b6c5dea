package jp.lg.externalservice.registry;

import java.time.Instant;

/**
 * One change of a registry entry, with the process instance that made it (the link from the
 * registry to the application, operation and termination processes). {@code eventType} is one of
 * {@link #REGISTERED}, {@link #CONTRACT_RECORDED}, {@link #STATUS_CHANGED}, {@link
 * #SUCCESSOR_NAMED}.
 */
public record RegistryEvent(
    Instant occurredAt, String eventType, String processInstanceId, String actor, String note) {

  public static final String REGISTERED = "REGISTERED";
  public static final String CONTRACT_RECORDED = "CONTRACT_RECORDED";
  public static final String STATUS_CHANGED = "STATUS_CHANGED";

  /** A successor took over the service manager's or the 外部サービス管理者's role (issue 16, 人事異動). */
  public static final String SUCCESSOR_NAMED = "SUCCESSOR_NAMED";
}
