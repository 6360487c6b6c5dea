package jp.lg.externalservice.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One line of a case's audit record: when (Asia/Tokyo, ISO and as staff write it), in which process
 * and step, who (id, name, the role they acted in, and for whom when acting as 代理), what they
 * answered, what came of it, and the rule it applies.
 *
 * <p>{@code deputy} and {@code deputyFor}: whether the actor acted as 代理 (issue 16) and for whom
 * (「高橋 健（takahashi）」); false and null for an act in her own right and for acts recorded before V9.
 *
 * @param answers the answers given at the step as a JSON object (the form's own fields), null when
 *     none were recorded; {@code answersText} says 記録なし for an act recorded before answers were
 *     (V6), and is empty for lines that are no act (the case opened, classified, registered)
 * @param rule the citation as the code writes it ({@code 002 §5(2), ruling R-14}); {@code
 *     ruleLabel} in staff words
 */
public record AuditStep(
    Instant at,
    String atIso,
    String atDisplay,
    String process,
    String processLabel,
    String step,
    String stepName,
    String actorId,
    String actorName,
    String role,
    String roleLabel,
    boolean deputy,
    String deputyFor,
    @JsonRawValue String answers,
    String answersText,
    String result,
    String resultLabel,
    String rule,
    String ruleLabel) {}
