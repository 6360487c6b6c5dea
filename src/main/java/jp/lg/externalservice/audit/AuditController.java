package jp.lg.externalservice.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.lg.externalservice.system.ErrorResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit record of a case (issue 15): {@code GET /api/applications/{caseNumber}/audit} as JSON,
 * or as CSV with {@code Accept: text/csv}; {@code …/audit.csv} is the same CSV for a link. Unknown
 * cases and cases the caller may not read get the same 404, so that numbers cannot be probed.
 */
@RestController
public class AuditController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  /** One handler for both types: which one the caller asked for is read from Accept. */
  @GetMapping("/api/applications/{caseNumber}/audit")
  public ResponseEntity<?> audit(
      @PathVariable String caseNumber,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    AuditRecord record = record(caseNumber);
    if (wantsCsv(accept)) {
      return csv(record);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(record);
  }

  @GetMapping("/api/applications/{caseNumber}/audit.csv")
  public ResponseEntity<byte[]> auditCsv(@PathVariable String caseNumber) {
    return csv(record(caseNumber));
  }

  private AuditRecord record(String caseNumber) {
    return trail.visible(caseNumber).map(trail::of).orElseThrow(NotFound::new);
  }

  /**
   * text/csv named before (or without) application/json. An Accept header that cannot be read asks
   * for no CSV: Spring's own negotiation then answers it as for every other endpoint (406), not
   * with a 500.
   */
  private static boolean wantsCsv(String accept) {
    if (accept == null) {
      return false;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    org.springframework.util.MimeTypeUtils.sortBySpecificity(types);
    for (MediaType type : types) {
      if (type.isCompatibleWith(CSV) && !type.isWildcardType()) {
        return true;
      }
      if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
        return false;
      }
    }
    return false;
  }

  private static ResponseEntity<byte[]> csv(AuditRecord record) {
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(AuditCsv.fileName(record)).build().toString())
        .body(AuditCsv.write(record));
  }

  /** Unknown, or not the caller's to read: the same answer. */
  static class NotFound extends RuntimeException {
    NotFound() {
      super("no such case");
    }
  }

  /** JSON whatever the caller accepted (a CSV client gets the error readable too). */
  @ExceptionHandler(NotFound.class)
  public ResponseEntity<ErrorResponse> notFound(NotFound e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ErrorResponse("申請が見つかりません", "no such application", List.of()));
  }
}
