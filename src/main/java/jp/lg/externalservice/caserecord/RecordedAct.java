package jp.lg.externalservice.caserecord;

/**
 * An act as the audit record reads it: the act, the answers given at its step as a JSON object
 * ({@link StepAnswers}; null for acts recorded before V6 and for steps without a form), and whether
 * it was reconstructed from the history of a case older than the record ({@code backfilled}, V3).
 */
public record RecordedAct(CaseAct act, String answersJson, boolean backfilled) {}
