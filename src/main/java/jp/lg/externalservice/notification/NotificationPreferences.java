package jp.lg.externalservice.notification;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Which kinds of mail each user wants; every kind is on until the user switches it off. */
@Repository
public class NotificationPreferences {

  private final NamedParameterJdbcTemplate jdbc;

  NotificationPreferences(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean wants(String userId, NotificationKind kind) {
    return jdbc
        .queryForList(
            "SELECT enabled FROM notification_preference WHERE user_id = :user AND kind = :kind",
            new MapSqlParameterSource("user", userId).addValue("kind", kind.name()),
            Boolean.class)
        .stream()
        .findFirst()
        .orElse(true);
  }

  /** Every kind with the user's choice, in the order of {@link NotificationKind}. */
  public Map<NotificationKind, Boolean> of(String userId) {
    Map<NotificationKind, Boolean> choices = new EnumMap<>(NotificationKind.class);
    for (NotificationKind kind : NotificationKind.values()) {
      choices.put(kind, true);
    }
    jdbc.query(
        "SELECT kind, enabled FROM notification_preference WHERE user_id = :user",
        new MapSqlParameterSource("user", userId),
        rs -> {
          try {
            choices.put(NotificationKind.valueOf(rs.getString("kind")), rs.getBoolean("enabled"));
          } catch (IllegalArgumentException retiredKind) {
            // a kind no longer sent: nothing to show
          }
        });
    return choices;
  }

  @Transactional
  public void save(String userId, Map<NotificationKind, Boolean> choices) {
    MapSqlParameterSource user = new MapSqlParameterSource("user", userId);
    jdbc.update("DELETE FROM notification_preference WHERE user_id = :user", user);
    choices.forEach(
        (kind, enabled) ->
            jdbc.update(
                "INSERT INTO notification_preference (user_id, kind, enabled) VALUES (:user, :kind, :enabled)",
                new MapSqlParameterSource("user", userId)
                    .addValue("kind", kind.name())
                    .addValue("enabled", enabled)));
  }
}
