package jp.lg.externalservice.certification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.stereotype.Service;

/**
 * The third-party certifications of the service (001 8.2【解説】(2)⑤, 003 第10 2(2)⑧), as the applicant
 * claims them in the application form's 第三者認証 section (the group {@value #FIELD}): for each held,
 * its number, its validity and the name of the file attached to the case as evidence (添付ファイル tab:
 * Camunda Forms in the 7.24 Tasklist have no file picker). Checked on the server at filing and
 * written, by server code only, into {@code certification_claim}.
 */
@Service
public class CertificationClaims {

  /** The form group (a JSON variable) holding the section's fields. */
  public static final String FIELD = "certifications";

  static final int MAX_NUMBER = 100;
  static final int MAX_FILE_NAME = 200;

  /** Letters, digits and the separators registration numbers use (C21-0001-1, ISO/IEC 27017…). */
  private static final Pattern NUMBER = Pattern.compile("[\\p{L}\\p{N} ._/()（）:#-]+");

  private final CertificationRepository repository;
  private final TaskService taskService;
  private final Privileged privileged;

  CertificationClaims(
      CertificationRepository repository, TaskService taskService, Privileged privileged) {
    this.repository = repository;
    this.taskService = taskService;
    this.privileged = privileged;
  }

  /**
   * At filing ({@code SubmissionCompletion}): checks the section and records each problem in {@code
   * reader}; when the whole form is valid, replaces the case's claims with these (a corrected
   * application claims anew).
   */
  public void file(DelegateExecution execution, InputReader reader) {
    List<CertificationClaim> claims = read(execution, reader);
    if (reader.errors().isEmpty()) {
      repository.replaceClaims(CaseRecords.caseIdOf(execution), claims);
    }
  }

  /** The certifications claimed in a case (for the record, the PDF, the review). */
  public List<CertificationClaim> of(String caseId) {
    return repository.claims(caseId);
  }

  private List<CertificationClaim> read(DelegateExecution execution, InputReader reader) {
    if (execution.getVariable(FIELD) == null) {
      return List
          .of(); // the section left empty (or an application filed through the API without it)
    }
    InputReader section = reader.object(FIELD);
    if (section == null) {
      return List.of();
    }
    String caseId = CaseRecords.caseIdOf(execution);
    List<Attachment> attachments =
        privileged.call(() -> taskService.getProcessInstanceAttachments(caseId));
    List<CertificationClaim> claims = new ArrayList<>();
    for (Certification certification : Certification.values()) {
      String key = certification.formKey();
      if (!section.optionalBoolean(key, false)) {
        continue;
      }
      String label = certification.label();
      String number = section.optionalText(key + "Number", MAX_NUMBER);
      if (number == null && !section.hasError(key + "Number")) {
        section.reject(
            key + "Number",
            label + " の" + certification.numberLabel() + "を入力してください",
            label + ": the registration or certificate number is required");
      } else if (number != null && !NUMBER.matcher(number).matches()) {
        section.reject(
            key + "Number",
            label + " の" + certification.numberLabel() + "に使えない文字があります（英数字・空白と - _ / . ( ) : # だけ）",
            label + ": the number may hold letters, digits, spaces and - _ / . ( ) : # only");
        number = null;
      }
      LocalDate validUntil = date(section, key + "ValidUntil", label);
      if (validUntil != null && validUntil.isBefore(JapanClock.today())) {
        section.reject(
            key + "ValidUntil",
            label + " の有効期限（" + validUntil + "）が過ぎています。有効な認証だけを記入してください",
            label + ": the validity (" + validUntil + ") has passed");
        validUntil = null;
      }
      Attachment evidence = evidence(section, key + "Evidence", label, attachments);
      if (number != null && validUntil != null && evidence != null) {
        claims.add(
            new CertificationClaim(
                caseId,
                certification,
                number,
                validUntil,
                evidence.getId(),
                evidence.getName(),
                JapanClock.now()));
      }
    }
    return claims;
  }

  private static LocalDate date(InputReader section, String field, String label) {
    String text = section.optionalText(field, 40);
    if (text == null) {
      if (!section.hasError(field)) {
        section.reject(
            field, label + " の有効期限を入力してください", label + ": the validity (valid until) is required");
      }
      return null;
    }
    try {
      return InputReader.isoDate(text);
    } catch (DateTimeParseException e) {
      section.reject(
          field,
          label + " の有効期限は日付（YYYY-MM-DD）で入力してください",
          label + ": the validity must be a date (YYYY-MM-DD)");
      return null;
    }
  }

  /** The attachment of the case whose file name the applicant gave; the latest if several. */
  private static Attachment evidence(
      InputReader section, String field, String label, List<Attachment> attachments) {
    String name = section.optionalText(field, MAX_FILE_NAME);
    if (name == null) {
      if (!section.hasError(field)) {
        section.reject(
            field,
            label + " の証跡（登録証・認証書・報告書の写し）を「添付ファイル」タブで添付し、そのファイル名を入力してください",
            label + ": attach the evidence in the attachments tab and give its file name");
      }
      return null;
    }
    Attachment found =
        attachments.stream()
            .filter(a -> name.equals(a.getName()))
            .reduce((first, second) -> second)
            .orElse(null);
    if (found == null) {
      section.reject(
          field,
          label + " の証跡「" + name + "」がこの申請の添付ファイルにありません。「添付ファイル」タブで添付してください",
          label + ": no file named '" + name + "' is attached to this application");
    }
    return found;
  }
}
