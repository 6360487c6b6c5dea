package jp.lg.externalservice.document;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import jp.lg.externalservice.caselist.JapaneseDates;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.system.ErrorResponse;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The PDF documents of a case (issue 15), for the people who may open its printable record:
 *
 * <ul>
 *   <li>{@code GET /api/applications/{caseNumber}/application.pdf}: the application (様式1/様式2) with
 *       the 別表 or the risk acceptance;
 *   <li>{@code …/decision.pdf}: the 許可・不許可の通知 with its conditions and reasons, once decided;
 *   <li>{@code …/termination.pdf}: the 終了確認書 with the disposal evidence, once terminated;
 *   <li>{@code …/documents} and {@code GET /api/tasks/{taskId}/documents}: which of them there are
 *       (申請一覧 and the task view link to them).
 * </ul>
 *
 * An unknown case and a case the caller may not see answer 404 alike; a document that does not
 * exist yet answers 409 with the reason in Japanese and English. Documents are not cached (they
 * hold personal data and change as the case goes on).
 */
@RestController
public class DocumentController {

  private final CaseDocuments documents;
  private final PdfDocuments pdf;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final Privileged privileged;

  DocumentController(
      CaseDocuments documents,
      PdfDocuments pdf,
      TaskService taskService,
      RuntimeService runtimeService,
      Privileged privileged) {
    this.documents = documents;
    this.pdf = pdf;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.privileged = privileged;
  }

  @GetMapping("/api/applications/{caseNumber}/application.pdf")
  public ResponseEntity<byte[]> application(@PathVariable String caseNumber) {
    CaseRecord record = visible(caseNumber);
    return pdf(documents.application(record), "application");
  }

  @GetMapping("/api/applications/{caseNumber}/decision.pdf")
  public ResponseEntity<byte[]> decision(@PathVariable String caseNumber) {
    CaseRecord record = visible(caseNumber);
    return documents
        .decision(record)
        .map(act -> pdf(documents.decision(record, act), "decision"))
        .orElseThrow(
            () ->
                new NotYet(
                    "この申請はまだ決定されていません。決定通知書は許可又は不許可の決定後に出力できます",
                    "this application has not been decided yet: the decision can be printed once it is"));
  }

  @GetMapping("/api/applications/{caseNumber}/termination.pdf")
  public ResponseEntity<byte[]> termination(@PathVariable String caseNumber) {
    CaseRecord record = visible(caseNumber);
    return documents
        .termination(record)
        .map(instance -> pdf(documents.termination(record, instance), "termination"))
        .orElseThrow(
            () ->
                new NotYet(
                    "このサービスの利用はまだ終了していません。終了確認書は終了の確認後に出力できます",
                    "the use of this service has not been terminated: the 終了確認書 can be printed once it is"));
  }

  @GetMapping(
      path = "/api/applications/{caseNumber}/documents",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseDocuments.Available ofCase(@PathVariable String caseNumber) {
    return documents.available(visible(caseNumber));
  }

  /**
   * The documents of a task's case: the task must be one the caller may see (the engine's own
   * authorization), and the case one whose record she may open.
   */
  @GetMapping(path = "/api/tasks/{taskId}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseDocuments.Available ofTask(@PathVariable String taskId) {
    Task task =
        Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).singleResult())
            .orElseThrow(NotFound::new);
    String root =
        privileged.call(
            () ->
                Optional.ofNullable(
                        runtimeService
                            .createProcessInstanceQuery()
                            .processInstanceId(task.getProcessInstanceId())
                            .singleResult())
                    .map(ProcessInstance::getRootProcessInstanceId)
                    .orElse(task.getProcessInstanceId()));
    return documents.ofCaseId(root).map(documents::available).orElseThrow(NotFound::new);
  }

  private CaseRecord visible(String caseNumber) {
    return documents.visible(caseNumber).orElseThrow(NotFound::new);
  }

  /** {@code kind}: the ASCII name for clients that cannot read {@code filename*}. */
  private ResponseEntity<byte[]> pdf(Document document, String kind) {
    byte[] bytes = pdf.render(document, "出力 " + JapaneseDates.dateTime(JapanClock.now()));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            // filename*=UTF-8''… (RFC 5987/6266) carries the Japanese name; filename= an ASCII one
            "inline; filename=\""
                + kind
                + "_"
                + document.caseNumber().replaceAll("[^A-Za-z0-9-]", "")
                + ".pdf\"; filename*=UTF-8''"
                + attributeValue(document.fileName() + ".pdf"))
        .body(bytes);
  }

  /** RFC 5987 ext-value: attr-chars as they are, every other byte of the UTF-8 as %XX. */
  static String attributeValue(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  /** Unknown, or not the caller's to see: the same answer as the printable record's. */
  static class NotFound extends RuntimeException {
    NotFound() {
      super("no such application");
    }
  }

  /** The document does not exist yet (not decided, not terminated). */
  static class NotYet extends RuntimeException {
    private final String japanese;

    NotYet(String japanese, String english) {
      super(english);
      this.japanese = japanese;
    }
  }

  @ExceptionHandler(NotFound.class)
  public ResponseEntity<ErrorResponse> notFound(NotFound e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ErrorResponse("申請が見つかりません", "no such application", List.of()));
  }

  @ExceptionHandler(NotYet.class)
  public ResponseEntity<ErrorResponse> notYet(NotYet e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ErrorResponse(e.japanese, e.getMessage(), List.of()));
  }
}
