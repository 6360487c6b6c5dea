package jp.lg.externalservice.classification;

/** The rows of the network-zone matrix (004 §3). */
public enum ServiceKind implements Labelled {
  GOVERNMENT_CLOUD("ガバメントクラウド"),
  LGWAN_ASP_NATIONAL("LGWAN-ASP（国等が整備）"),
  LGWAN_ASP_CLOSED("LGWAN-ASP（インターネット接続なし）"),
  LGWAN_ASP_INTERNET("LGWAN-ASP（インターネット接続あり）"),
  CLOUD_INTERNET("クラウドサービス（インターネット）"),
  WEB_SERVICE("クラウドサービス以外の Web サービス");

  private final String label;

  ServiceKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
