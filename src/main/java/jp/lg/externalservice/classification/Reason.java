package jp.lg.externalservice.classification;

/** One rule that decided or conditioned an outcome: its citation and a Japanese explanation. */
public record Reason(String rule, String message) {}
