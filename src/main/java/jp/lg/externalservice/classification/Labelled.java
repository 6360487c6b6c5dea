package jp.lg.externalservice.classification;

/** An enum value with the Japanese label a municipal user reads. */
public interface Labelled {
  String name();

  String label();
}
