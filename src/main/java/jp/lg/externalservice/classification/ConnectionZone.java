package jp.lg.externalservice.classification;

/** The columns of the network-zone matrix: the staff member's network segment (004 §3). */
public enum ConnectionZone implements Labelled {
  MY_NUMBER("マイナンバー利用事務系（住民情報系）"),
  LGWAN("LGWAN 接続系（庁内情報系）"),
  INTERNET("インターネット接続系");

  private final String label;

  ConnectionZone(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
