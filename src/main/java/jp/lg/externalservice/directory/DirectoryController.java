package jp.lg.externalservice.directory;

import java.util.List;
import jp.lg.externalservice.security.Administrators;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/directory/sync} (administrators only): synchronise now, e.g. right after
 * the directory's 人事異動 of 1 April, and read what changed. 200 when synchronised, 409 when the
 * bounded-removal guard refused (nothing changed), 503 when the directory could not be read.
 */
@RestController
class DirectoryController {

  private final ObjectProvider<DirectorySync> sync;
  private final Administrators administrators;

  DirectoryController(ObjectProvider<DirectorySync> sync, Administrators administrators) {
    this.sync = sync;
    this.administrators = administrators;
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
