package jp.lg.externalservice.certification;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * What the reviewer sees of the certifications (001 8.2【解説】(2)⑤: third-party certifications are to
 * be used when judging the provider): each one claimed, checked against the imported ISMAP and
 * ISMAP-LIU lists (on the list? since when? the same number?), whether the service and its provider
 * are on a list at all, and when each list was imported. Japanese only; the review form's table
 * {@value #ROWS}.
 */
@Service
public class CertificationReview {

  /** The variable the review form's 第三者認証 table reads (display only). */
  public static final String ROWS = "certificationRows";

  private final CertificationClaims claims;
  private final CertificationRepository repository;
  private final CaseRecords caseRecords;

  CertificationReview(
      CertificationClaims claims, CertificationRepository repository, CaseRecords caseRecords) {
    this.claims = claims;
    this.repository = repository;
    this.caseRecords = caseRecords;
  }

  /**
   * At the start of the review ({@code PrepareReview}): the table as of now, for the service name
   * of the case record and the provider the applicant named.
   */
  public void show(DelegateExecution execution) {
    String caseId = CaseRecords.caseIdOf(execution);
    String serviceName = caseRecords.of(execution).serviceName();
    String providerName = CaseVariables.PROVIDER_NAME.get(execution);
    execution.setVariable(ROWS, JsonVariables.json(rows(caseId, serviceName, providerName)));
  }

  /** One row per claim, then per list: the service and provider on it, and its import. */
  public List<Map<String, String>> rows(String caseId, String serviceName, String providerName) {
    List<Map<String, String>> rows = new ArrayList<>();
    List<CertificationClaim> claimed = claims.of(caseId);
    for (CertificationClaim claim : claimed) {
      rows.add(
          row(
              claim.certification().label() + "（申請）",
              claim.certification().numberLabel()
                  + " "
                  + claim.registrationNumber()
                  + "／有効期限 "
                  + japanese(claim.validUntil())
                  + "／証跡 "
                  + claim.evidenceName(),
              claimCheck(claim)));
    }
    if (claimed.isEmpty()) {
      rows.add(row("第三者認証（申請）", "申請には記入されていません", "—"));
    }
    for (Certification list : Certification.values()) {
      if (!list.hasPublishedList()) {
        continue;
      }
      Optional<ListImport> latest = repository.latestImport(list);
      if (latest.isEmpty()) {
        rows.add(row(list.label() + " リスト", "—", "リストがまだ取り込まれていないため照合できません"));
        continue;
      }
      rows.add(
          row(
              list.label() + " リスト（サービス名・事業者名）",
              nullToDash(serviceName) + "／" + nullToDash(providerName),
              nameCheck(list, serviceName, providerName)));
      rows.add(
          row(
              list.label() + " リストの取込",
              "—",
              japanese(latest.get().importedAt()) + " に取込（" + latest.get().rowCount() + " 件）"));
    }
    return rows;
  }

  private String claimCheck(CertificationClaim claim) {
    Certification list = claim.certification();
    if (!list.hasPublishedList()) {
      return "公表リストとの照合の対象外です。証跡の添付ファイルで確認してください";
    }
    if (repository.latestImport(list).isEmpty()) {
      return list.label() + " リストがまだ取り込まれていないため照合できません";
    }
    Optional<ListedService> entry = repository.entry(list, claim.registrationNumber());
    if (entry.isEmpty() || !entry.get().listed()) {
      return "登録番号 "
          + claim.registrationNumber()
          + " は最新の "
          + list.label()
          + " リストにありません"
          + (entry.isPresent() ? "（以前のリストにはありました）" : "");
    }
    ListedService listed = entry.get();
    return "掲載あり・登録番号が一致（"
        + listed.serviceName()
        + "／"
        + listed.providerName()
        + since(listed)
        + "）";
  }

  private String nameCheck(Certification list, String serviceName, String providerName) {
    String service = key(serviceName);
    String provider = providerKey(providerName);
    List<ListedService> byService = new ArrayList<>();
    List<ListedService> byProvider = new ArrayList<>();
    for (ListedService listed : repository.listed(list)) {
      boolean sameProvider =
          !provider.isEmpty() && providerKey(listed.providerName()).equals(provider);
      String listedService = key(listed.serviceName());
      boolean sameService =
          !service.isEmpty()
              && (listedService.contains(service) || service.contains(listedService));
      if (sameService) {
        byService.add(listed);
      } else if (sameProvider) {
        byProvider.add(listed);
      }
    }
    if (!byService.isEmpty()) {
      ListedService first = byService.get(0);
      return "サービス名が掲載あり（登録番号 "
          + first.registrationNumber()
          + "、"
          + first.serviceName()
          + "／"
          + first.providerName()
          + since(first)
          + "）"
          + (byService.size() > 1 ? " ほか " + (byService.size() - 1) + " 件" : "");
    }
    if (!byProvider.isEmpty()) {
      return "サービス名は掲載なし。事業者の別のサービスが " + byProvider.size() + " 件掲載されています";
    }
    return "サービス名・事業者名とも掲載なし";
  }

  private static String since(ListedService listed) {
    return (listed.registeredOn() == null ? "" : "、登録日 " + japanese(listed.registeredOn()))
        + (listed.validUntil() == null ? "" : "、有効期限 " + japanese(listed.validUntil()))
        + "、当区の取込で "
        + japanese(JapanClock.dayOf(listed.firstListedAt()))
        + " から掲載";
  }

  private static Map<String, String> row(String item, String claimed, String check) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("item", item);
    row.put("claimed", claimed);
    row.put("check", check);
    return row;
  }

  /** Compared: NFKC, lower case, without spaces and the usual punctuation. */
  static String key(String name) {
    if (name == null) {
      return "";
    }
    return Normalizer.normalize(name, Normalizer.Form.NFKC)
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[\\s\u3000・,.、。()（）「」\"'-]", "");
  }

  /** A provider compared without its legal form (株式会社, (株), 合同会社 …). */
  static String providerKey(String name) {
    return key(name)
        .replaceAll("株式会社|有限会社|合同会社|一般社団法人|一般財団法人|株", "")
        .replaceAll("(incorporated|inc|corporation|corp|coltd|ltd|llc)$", "");
  }

  private static String nullToDash(String text) {
    return text == null || text.isBlank() ? "—" : text;
  }

  static String japanese(LocalDate day) {
    return JapanClock.japanese(day);
  }

  static String japanese(Instant instant) {
    ZonedDateTime at = instant.atZone(JapanClock.ZONE);
    return japanese(at.toLocalDate()) + String.format(" %d:%02d", at.getHour(), at.getMinute());
  }
}
