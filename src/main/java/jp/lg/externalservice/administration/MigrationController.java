package jp.lg.externalservice.administration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import jp.lg.externalservice.security.Administrators;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves running instances to a new version of their process (administrators only): {@code GET}
 * lists the versions of a process with their running instances; {@code POST} plans, validates and
 * (unless a dry run) migrates.
 */
@RestController
public class MigrationController {

  private final MigrationService migrationService;
  private final Administrators administrators;

  public MigrationController(MigrationService migrationService, Administrators administrators) {
    this.migrationService = migrationService;
    this.administrators = administrators;
  }

  @GetMapping(path = "/api/admin/migrations/{processDefinitionKey}", produces = "application/json")
  public List<MigrationService.VersionSummary> versions(@PathVariable String processDefinitionKey) {
    administrators.require();
    return migrationService.versions(processDefinitionKey);
  }

  @PostMapping(
      path = "/api/admin/migrations",
      consumes = "application/json",
      produces = "application/json")
  public MigrationReport migrate(@RequestBody JsonNode body) {
    administrators.require();
    return migrationService.migrate(MigrationRequest.read(body));
  }
}
