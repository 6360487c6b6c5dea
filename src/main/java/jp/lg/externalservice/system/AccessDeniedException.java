package jp.lg.externalservice.system;

/**
 * The caller is logged in but may not do this: 403 with a bilingual body ({@link
 * ApiExceptionHandler}).
 */
public class AccessDeniedException extends RuntimeException {

  private final String messageJa;
  private final String messageEn;

  public AccessDeniedException(String messageJa, String messageEn) {
    super(messageJa + "（" + messageEn + "）");
    this.messageJa = messageJa;
    this.messageEn = messageEn;
  }

  public String getMessageJa() {
    return messageJa;
  }

  public String getMessageEn() {
    return messageEn;
  }
}
