package jp.lg.externalservice.review;

import static jp.lg.externalservice.application.ApplicationProcess.Var.*;

import java.time.LocalDate;
import jp.lg.externalservice.registry.EntryType;
import jp.lg.externalservice.registry.NewRegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.security.UnitHeads;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Records an approved service or SNS account in the registry and designates its 外部サービス管理者 — the 所属長 of
 * the using department (004 §2(3), ruling R-21) — in the transaction of the process step (001 8.2(4)③).
 */
@Component
class RegistryEntries {

  private final RegistryService registry;
  private final UnitHeads unitHeads;
  private final DepartmentDirectory directory;

  RegistryEntries(RegistryService registry, UnitHeads unitHeads, DepartmentDirectory directory) {
    this.registry = registry;
    this.unitHeads = unitHeads;
    this.directory = directory;
  }

  String register(DelegateExecution execution, EntryType type, String serviceManager) {
    ProcessFacts facts = new ProcessFacts(execution);
    User administrator = unitHeads.of(facts.departmentCode()).orElseThrow(() -> new IllegalStateException(
        "所属長が登録されていません（no unit head for department " + facts.departmentCode() + "）"));
    String administratorName = directory.displayName(administrator.getId());
    NewRegistryEntry entry = new NewRegistryEntry(type, facts.string(SERVICE_NAME), facts.string(PROVIDER_NAME),
        facts.string("serviceKind"), facts.string("serviceCategory"), facts.departmentCode(),
        facts.string(DEPARTMENT_NAME), facts.string(ROUTE), facts.string(OUTCOME), facts.string(CLASSIFICATION_SUMMARY),
        String.valueOf(facts.json(REASONS)), String.valueOf(facts.json(CONDITIONS)), administrator.getId(),
        administratorName, serviceManager, directory.displayName(serviceManager), date(facts.string(PERIOD_START)),
        date(facts.string(PERIOD_END)), facts.string(RENEWS_REGISTRY_ENTRY_ID));
    String id = registry.register(entry, facts.string(DECIDED_BY), execution.getProcessInstanceId());
    execution.setVariable(ReviewProcess.Var.REGISTRY_ENTRY_ID, id);
    execution.setVariable(ReviewProcess.Var.SERVICE_ADMINISTRATOR, administrator.getId());
    execution.setVariable(ReviewProcess.Var.SERVICE_ADMINISTRATOR_NAME, administratorName);
    return id;
  }

  private static LocalDate date(String text) {
    return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
