package jp.lg.externalservice.registry;

import jp.lg.externalservice.system.StaffWording;

/**
 * A registry call that cannot be carried out, explained in Japanese and English. Bad input to a
 * call is an {@code InputValidationException} instead, naming the field.
 */
public class RegistryException extends RuntimeException {

  private final String messageJa;
  private final String messageEn;

  RegistryException(String messageJa, String messageEn) {
    super(StaffWording.citations(messageJa) + "（" + messageEn + "）");
    this.messageJa = StaffWording.citations(messageJa); // staff words; the English keeps the codes
    this.messageEn = messageEn;
  }

  public String messageJa() {
    return messageJa;
  }

  public String messageEn() {
    return messageEn;
  }

  /** No entry has this id. */
  public static class NotFound extends RegistryException {
    NotFound(String entryId) {
      super("承認済み外部サービス台帳に " + entryId + " はありません", "no registry entry " + entryId);
    }
  }

  /** The entry's state does not allow the change, e.g. a status transition that is not allowed. */
  public static class Conflict extends RegistryException {
    Conflict(String messageJa, String messageEn) {
      super(messageJa, messageEn);
    }
  }

  /** Someone else changed the entry since it was read (optimistic locking on {@code version}). */
  public static class Stale extends RegistryException {
    Stale(String entryId, int version) {
      super(
          entryId + " は他の処理で更新されました。最新の内容を読み直してからやり直してください",
          entryId
              + " was changed by someone else (version "
              + version
              + " is stale); reload it and try again");
    }
  }
}
