package jp.lg.externalservice.system;

/** One offending input field, explained in Japanese and English. */
public record FieldError(String field, String message, String messageEn) {}
