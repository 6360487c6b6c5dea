package jp.lg.externalservice.caserecord;

import static jp.lg.externalservice.caserecord.CaseVariables.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jp.lg.externalservice.classification.ClassificationInputReader;
import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.classification.ServiceCategory;
import jp.lg.externalservice.classification.ServiceKind;
import jp.lg.externalservice.registry.EntryType;
import jp.lg.externalservice.registry.NewRegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.security.UnitHeads;
import jp.lg.externalservice.system.InputReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Records an approved service or SNS account in the registry and designates its 外部サービス管理者 — the 所属長
 * of the using department (004 §2(3), ruling R-21) — in the transaction of the process step (001
 * 8.2(4)③). Department, classification and approver come from the case record; the service's name
 * and dates are the application's answers.
 */
@Component
public class RegistryEntries {

  private final RegistryService registry;
  private final UnitHeads unitHeads;
  private final DepartmentDirectory directory;
  private final CaseRecords caseRecords;

  RegistryEntries(
      RegistryService registry,
      UnitHeads unitHeads,
      DepartmentDirectory directory,
      CaseRecords caseRecords) {
    this.registry = registry;
    this.unitHeads = unitHeads;
    this.directory = directory;
    this.caseRecords = caseRecords;
  }

  /**
   * Who approved in this instance: the head of 情報政策課 at {@code Task_Decide}, or the 利用責任者 at {@code
   * Task_ApproveSnsRegistration}, from the case record's acts (never the variable {@code
   * decidedBy}).
   */
  public String approver(DelegateExecution execution, EntryType type) {
    String step = type == EntryType.SNS ? CaseSteps.APPROVE_SNS_REGISTRATION : CaseSteps.DECIDE;
    return caseRecords
        .lastActInThisInstance(execution, step)
        .filter(act -> act.result() == ActResult.APPROVED)
        .map(act -> act.actor().userId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no approval at " + step + " in " + execution.getProcessInstanceId()));
  }

  public String register(DelegateExecution execution, EntryType type, String serviceManager) {
    ProcessFacts facts = ProcessFacts.of(execution, caseRecords);
    CaseClassification classification = facts.classification();
    User administrator =
        unitHeads
            .of(facts.departmentCode())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "所属長が登録されていません（no unit head for department "
                            + facts.departmentCode()
                            + "）"));
    String administratorName = directory.displayName(administrator.getId());
    NewRegistryEntry entry =
        new NewRegistryEntry(
            type,
            facts.string(SERVICE_NAME),
            facts.string(CaseVariables.PROVIDER_NAME),
            constant(ServiceKind.class, facts.string(ClassificationInputReader.SERVICE_KIND)),
            constant(
                ServiceCategory.class, facts.string(ClassificationInputReader.SERVICE_CATEGORY)),
            facts.departmentCode(),
            facts.record().department().name(),
            classification.route(),
            classification.outcome(),
            facts.string(CaseVariables.CLASSIFICATION_SUMMARY),
            String.valueOf(facts.json(CaseVariables.REASONS)),
            conditionsJson(classification.conditions()),
            administrator.getId(),
            administratorName,
            serviceManager,
            directory.displayName(serviceManager),
            date(facts.string(CaseVariables.PERIOD_START)),
            date(facts.string(CaseVariables.PERIOD_END)),
            facts.string(CaseVariables.RENEWS_REGISTRY_ENTRY_ID));
    String id =
        registry.register(entry, approver(execution, type), execution.getProcessInstanceId());
    caseRecords.registered(execution, id);
    CaseVariables.REGISTRY_ENTRY_ID.set(execution, id);
    CaseVariables.SERVICE_ADMINISTRATOR.set(execution, administrator.getId());
    CaseVariables.SERVICE_ADMINISTRATOR_NAME.set(execution, administratorName);
    return id;
  }

  private static String conditionsJson(List<Condition> conditions) {
    return conditions.stream()
        .map(condition -> "\"" + condition.name() + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }

  /**
   * The constant the variable names (written by the application's form, validated at submission);
   * null when it is missing or unknown, which the registry then refuses naming the field.
   */
  private static <E extends Enum<E>> E constant(Class<E> type, String name) {
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> constant.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static LocalDate date(String text) {
    return InputReader.isoDate(text);
  }
}
