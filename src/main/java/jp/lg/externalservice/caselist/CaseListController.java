package jp.lg.externalservice.caselist;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryQuery;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.system.ErrorResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 申請一覧 for the Tasklist plugin ({@code tasklist/custom/applications.js}) and any other client:
 * {@code GET /api/applications} (the caller's applications, her department's for a 所属長, all for
 * 情報政策課), {@code GET /api/applications/{caseNumber}} (the printable record) and {@code GET
 * /api/approved-services} (承認済みサービス一覧: every staff member sees what the ward already uses, so that
 * nobody files a duplicate application).
 */
@RestController
public class CaseListController {

  private static final Set<RegistryStatus> IN_USE =
      Set.of(RegistryStatus.ACTIVE, RegistryStatus.SUSPENDED);

  private final CaseList caseList;
  private final RegistryService registry;

  CaseListController(CaseList caseList, RegistryService registry) {
    this.caseList = caseList;
    this.registry = registry;
  }

  @GetMapping(path = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<ApplicationSummary> applications() {
    return caseList.visible();
  }

  @GetMapping(path = "/api/applications/{caseNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ApplicationRecord application(@PathVariable String caseNumber) {
    if (caseNumber.length() > 16) {
      throw new NotFound();
    }
    return caseList.visibleRecord(caseNumber).map(caseList::record).orElseThrow(NotFound::new);
  }

  /** The services in use (or suspended), ward-wide: what, by whom, since when, until when. */
  @GetMapping(path = "/api/approved-services", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<ApprovedService> approvedServices() {
    return registry.search(RegistryQuery.all()).stream()
        .filter(entry -> IN_USE.contains(entry.status()))
        .sorted(Comparator.comparing(RegistryEntry::serviceName))
        .map(ApprovedService::of)
        .toList();
  }

  /** One approved service as every staff member may see it (no reasons, no people). */
  public record ApprovedService(
      String registryEntryId,
      String serviceName,
      String providerName,
      String departmentName,
      String serviceCategoryLabel,
      String routeLabel,
      String statusLabel,
      java.time.LocalDate periodEnd) {

    static ApprovedService of(RegistryEntry entry) {
      return new ApprovedService(
          entry.id(),
          entry.serviceName(),
          entry.providerName(),
          entry.departmentName(),
          entry.serviceCategory() == null ? null : entry.serviceCategory().label(),
          entry.route() == null ? null : entry.route().label(),
          entry.status().label(),
          entry.periodEnd());
    }
  }

  /** Unknown, or not the caller's to see: the same answer, so that numbers cannot be probed. */
  static class NotFound extends RuntimeException {
    NotFound() {
      super("no such application");
    }
  }

  @ExceptionHandler(NotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public ErrorResponse notFound(NotFound e) {
    return new ErrorResponse("申請が見つかりません", "no such application", List.of());
  }
}
