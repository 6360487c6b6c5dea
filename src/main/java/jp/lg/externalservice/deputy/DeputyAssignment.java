package jp.lg.externalservice.deputy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deputy (代理者) named for a principal for the days {@code startsOn} to {@code endsOn}, both
 * inclusive, Japanese calendar days ({@code JapanClock}).
 */
public record DeputyAssignment(
    long id,
    String principal,
    String deputy,
    LocalDate startsOn,
    LocalDate endsOn,
    String reason,
    String createdBy,
    Instant createdAt,
    Instant revokedAt,
    String revokedBy) {

  /** 予定 / 有効 / 終了 / 取消, as the 代理設定 page shows them. */
  public enum Status {
    PLANNED("予定"),
    ACTIVE("有効"),
    ENDED("終了"),
    REVOKED("取消");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public Status statusOn(LocalDate day) {
    if (revokedAt != null) {
      return Status.REVOKED;
    }
    if (day.isBefore(startsOn)) {
      return Status.PLANNED;
    }
    return day.isAfter(endsOn) ? Status.ENDED : Status.ACTIVE;
  }

  public boolean activeOn(LocalDate day) {
    return statusOn(day) == Status.ACTIVE;
  }
}
