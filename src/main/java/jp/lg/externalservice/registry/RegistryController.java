package jp.lg.externalservice.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.system.ErrorResponse;
import jp.lg.externalservice.system.InputReader;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/services}: the approved-service registry (承認済み外部サービス台帳) for reading — as JSON, or as
 * CSV or an xlsx workbook for Excel. Each caller sees the entries of their own departments; 情報政策課
 * and administrators see all ({@link RegistryAccess}). An entry the caller may not see is answered
 * as unknown, so its existence is not revealed.
 */
@RestController
@RequestMapping("/api/services")
public class RegistryController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final RegistryService registryService;
  private final RegistryAccess access;

  RegistryController(RegistryService registryService, RegistryAccess access) {
    this.registryService = registryService;
    this.access = access;
  }

  /** The entries without their events, ordered by id. */
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public List<RegistryEntry> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String route,
      @RequestParam(required = false) String q) {
    return search(status, department, route, q).stream()
        .map(entry -> entry.withEvents(List.of()))
        .toList();
  }

  @GetMapping(path = "/export.csv")
  public ResponseEntity<byte[]> export(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String route,
      @RequestParam(required = false) String q) {
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(RegistryCsv.FILE_NAME).build().toString())
        .body(RegistryCsv.write(search(status, department, route, q)));
  }

  /** The same entries as the CSV, as an Excel workbook ({@link RegistryXlsx}). */
  @GetMapping(path = "/export.xlsx")
  public ResponseEntity<byte[]> exportXlsx(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String route,
      @RequestParam(required = false) String q) {
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(RegistryXlsx.FILE_NAME).build().toString())
        .body(RegistryXlsx.write(search(status, department, route, q)));
  }

  /** The entry with its events. */
  @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public RegistryEntry detail(@PathVariable String id) {
    return registryService
        .find(id)
        .filter(access.current()::allows)
        .orElseThrow(() -> new RegistryException.NotFound(id));
  }

  @ExceptionHandler(RegistryException.NotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public ErrorResponse notFound(RegistryException.NotFound e) {
    return new ErrorResponse(e.messageJa(), e.messageEn(), List.of());
  }

  /** Unknown status or route values are answered 400 naming the parameter (ApiExceptionHandler). */
  private List<RegistryEntry> search(String status, String department, String route, String text) {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    putIfGiven(params, "status", status);
    putIfGiven(params, "route", route);
    InputReader reader = new InputReader(params);
    RegistryStatus statusFilter =
        params.has("status") ? reader.requiredEnum("status", RegistryStatus.class) : null;
    Route routeFilter = params.has("route") ? reader.requiredEnum("route", Route.class) : null;
    reader.throwIfInvalid();
    RegistryQuery query =
        new RegistryQuery(statusFilter, blankToNull(department), routeFilter, blankToNull(text));
    return registryService.search(query, access.current().limit());
  }

  private static void putIfGiven(ObjectNode params, String name, String value) {
    if (value != null && !value.isBlank()) {
      params.put(name, value.strip());
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
