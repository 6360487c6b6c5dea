package jp.lg.externalservice.certification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.security.Administrators;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ISMAP and ISMAP-LIU service lists (administrators only): {@code POST
 * /api/admin/certification-lists/ISMAP} (or {@code ISMAP-LIU}) with the CSV as the body replaces
 * the list; {@code GET /api/admin/certification-lists} tells when each was last imported. The body
 * is bounded by the request size limit ({@code external-service.limits.max-request-size}).
 */
@RestController
public class ServiceListController {

  private final ServiceListImport imports;
  private final Administrators administrators;
  private final IdentityService identityService;

  public ServiceListController(
      ServiceListImport imports, Administrators administrators, IdentityService identityService) {
    this.imports = imports;
    this.administrators = administrators;
    this.identityService = identityService;
  }

  @PostMapping(
      path = "/api/admin/certification-lists/{list}",
      consumes = {"text/csv", "text/plain", "application/octet-stream"},
      produces = "application/json")
  public ServiceListImport.Result importList(
      @PathVariable String list, @RequestBody(required = false) byte[] body) {
    administrators.require();
    Certification kind =
        Certification.ofListName(list)
            .orElseThrow(
                () ->
                    new InputValidationException(
                        List.of(
                            new FieldError(
                                "list",
                                "取り込めるのは ISMAP と ISMAP-LIU のリストだけです",
                                "only the ISMAP and ISMAP-LIU lists can be imported"))));
    return imports.importList(kind, body, identityService.getCurrentAuthentication().getUserId());
  }

  @GetMapping(path = "/api/admin/certification-lists", produces = "application/json")
  public List<Map<String, Object>> lists() {
    administrators.require();
    List<Map<String, Object>> lists = new ArrayList<>();
    for (Certification kind : Certification.values()) {
      if (!kind.hasPublishedList()) {
        continue;
      }
      Map<String, Object> list = new LinkedHashMap<>();
      list.put("list", kind.listName());
      imports
          .latest(kind)
          .ifPresent(
              latest -> {
                list.put("importedAt", latest.importedAt().toString());
                list.put("importedBy", latest.importedBy());
                list.put("rows", latest.rowCount());
              });
      lists.add(list);
    }
    return lists;
  }
}
