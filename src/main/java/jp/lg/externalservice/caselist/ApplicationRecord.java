package jp.lg.externalservice.caselist;

import java.time.Instant;
import java.util.List;

/**
 * The printable record of one application ({@code GET /api/applications/{caseNumber}}): its row of
 * 申請一覧, the content of the application form (様式1/様式2) as labelled lines, and who did what when (the
 * case record's acts).
 */
public record ApplicationRecord(
    ApplicationSummary summary, List<Line> application, List<Step> history) {

  /** A labelled value, ready to show ("—" when there is none). */
  public record Line(String label, String value) {}

  /** One act: the step's name, who, in which role, with what result, when. */
  public record Step(String step, String actor, String result, Instant at) {}
}
