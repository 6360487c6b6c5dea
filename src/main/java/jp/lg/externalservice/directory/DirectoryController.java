package jp.lg.externalservice.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.security.Administrators;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/directory/sync} (administrators only): synchronise now, e.g. right after
 * the directory's 人事異動 of 1 April, and read what changed. 200 when synchronised, 409 when the
 * bounded-removal guard refused (nothing changed), 503 when the directory could not be read. {@code
 * GET} tells whether the directory is connected and how the last run of any node went.
 */
@RestController
class DirectoryController {

  private final ObjectProvider<DirectorySync> sync;
  private final Administrators administrators;
  private final StaffDirectory table;

  DirectoryController(
      ObjectProvider<DirectorySync> sync, Administrators administrators, StaffDirectory table) {
    this.sync = sync;
    this.administrators = administrators;
    this.table = table;
  }

  /** Whether the directory is connected, and the last run of any node. */
  @GetMapping(path = "/api/admin/directory/sync", produces = "application/json")
  Map<String, Object> lastRun() {
    administrators.require();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("enabled", sync.getIfAvailable() != null);
    table
        .lastRun()
        .ifPresent(
            run -> {
              answer.put("lastRunAt", run.at().toString());
              answer.put("lastRunBy", run.node());
              answer.put("lastResult", run.result());
            });
    return answer;
  }

  @PostMapping(path = "/api/admin/directory/sync", produces = "application/json")
  ResponseEntity<SyncReport> sync() {
    administrators.require();
    DirectorySync directory = sync.getIfAvailable();
    if (directory == null) {
      throw new InputValidationException(
          List.of(
              new FieldError(
                  "external-service.directory.enabled",
                  "ディレクトリ連携が設定されていません（external-service.directory.enabled）",
                  "the directory is not connected (external-service.directory.enabled is false)")));
    }
    SyncReport report = directory.sync();
    int status =
        switch (report.outcome()) {
          case SyncReport.REFUSED -> 409;
          case SyncReport.FAILED -> 503;
          default -> 200;
        };
    return ResponseEntity.status(status).body(report);
  }
}
