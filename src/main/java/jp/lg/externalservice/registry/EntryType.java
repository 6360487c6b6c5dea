package jp.lg.externalservice.registry;

import jp.lg.externalservice.classification.Labelled;

/**
 * What a registry entry records: an external service, or an SNS publicity account (ruling R-10, 003
 * 第7 5).
 */
public enum EntryType implements Labelled {
  SERVICE("外部サービス"),
  SNS("SNS アカウント");

  private final String label;

  EntryType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
