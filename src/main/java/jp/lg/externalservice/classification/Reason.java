package jp.lg.externalservice.classification;

import com.fasterxml.jackson.annotation.JsonProperty;
import jp.lg.externalservice.system.StaffWording;

/**
 * One rule that decided or conditioned an outcome: its citation ({@code rule}, as docs/rules.md
 * resolves it) and a Japanese explanation. Staff read the citation as {@link #source()} (issue 14:
 * no raw codes on staff screens).
 */
public record Reason(String rule, String message) {

  /**
   * The citation in staff words ({@link StaffWording}); a reason resting on a product ruling alone
   * is the ward's operating decision.
   */
  @JsonProperty("source")
  public String source() {
    if (rule == null) {
      return null;
    }
    String named = StaffWording.citations(rule).strip();
    return named.isEmpty() ? "区の運用判断" : named;
  }
}
