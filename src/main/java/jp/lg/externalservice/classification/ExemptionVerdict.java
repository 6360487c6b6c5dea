package jp.lg.externalservice.classification;

/** A row of the exemption table (DMN {@code external-service-exemption}): 004 §9(1), ruling R-2. */
public record ExemptionVerdict(Verdict verdict, String rule) {

  public enum Verdict {
    /** No exemption applies: the normal routing follows. */
    NOT_EXEMPT,
    /** 申請不要. */
    NO_APPLICATION,
    /** 利用不可（※）: exempt, but important information must not be handled. */
    FORBIDDEN
  }
}
