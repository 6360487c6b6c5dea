package jp.lg.externalservice.registry;

import java.util.Set;
import jp.lg.externalservice.classification.Labelled;

/**
 * The state of an approved service. Use may be suspended and resumed (ruling R-16); it ends by
 * termination (様式3 or the 情報システム台帳調査, ruling R-5) or by a renewal (更改, ruling R-17). An ended entry
 * never changes again: a service used anew needs a new application and a new entry.
 */
public enum RegistryStatus implements Labelled {
  ACTIVE("利用中"),
  SUSPENDED("利用停止"),
  TERMINATED("利用終了"),
  RENEWED("更改により終了");

  private final String label;

  RegistryStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The statuses this one may change to. */
  public Set<RegistryStatus> next() {
    return switch (this) {
      case ACTIVE -> Set.of(SUSPENDED, TERMINATED, RENEWED);
      case SUSPENDED -> Set.of(ACTIVE, TERMINATED);
      case TERMINATED, RENEWED -> Set.of();
    };
  }

  public boolean canChangeTo(RegistryStatus target) {
    return next().contains(target);
  }

  /** The end of use has a date (利用終了日), recorded with the change. */
  public boolean ended() {
    return this == TERMINATED || this == RENEWED;
  }
}
