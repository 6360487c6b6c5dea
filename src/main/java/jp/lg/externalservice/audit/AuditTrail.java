package jp.lg.externalservice.audit;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caselist.ActResults;
import jp.lg.externalservice.caserecord.Actor;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecordRepository;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.RecordedAct;
import jp.lg.externalservice.caserecord.RecordedClassification;
import jp.lg.externalservice.classification.Reason;
import jp.lg.externalservice.registry.RegistryAccess;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryEvent;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Privileged;
import jp.lg.externalservice.system.StaffWording;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * The audit record of a case (issue 15): every step in time order, across its processes — the acts
 * of the case record (application, review, SNS registration, and the terminations of its registry
 * entry), with the answers given at each — and the case's own events: opened, each classification
 * with its reasons and the rules they cite, and the registry entry's changes (registered, contract,
 * status; operation reports its stops of use there). Cockpit's operation log is not in the
 * Community Edition, so this is the record a ward files.
 *
 * <p>Who may read it: 情報政策課 and administrators every case; anyone else the cases of their own
 * departments ({@link RegistryAccess}: the applicant, her 所属長 and colleagues) and their own. The
 * decision is taken on the case record; the engine is then read as the system.
 */
@Service
public class AuditTrail {

  /** The longest case number (R8-0001 … ); anything longer is unknown without a query. */
  private static final int MAX_CASE_NUMBER = 16;

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm:ss");

  static final String NO_RECORD = "記録なし";

  private static final Map<String, String> PROCESS_LABELS =
      Map.of(
          CaseProcesses.APPLICATION, "申請",
          CaseProcesses.REVIEW, "審査・可否決定",
          CaseProcesses.SNS_REGISTRATION, "SNS 登録",
          CaseProcesses.OPERATION, "運用",
          CaseProcesses.TERMINATION, "利用終了");

  private static final String REGISTRY = "registry";
  private static final String SYSTEM_ROLE = "system";

  private final CaseRecordRepository records;
  private final CaseRecords caseRecords;
  private final RegistryService registry;
  private final RegistryAccess registryAccess;
  private final DepartmentDirectory directory;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final Privileged privileged;

  AuditTrail(
      CaseRecordRepository records,
      CaseRecords caseRecords,
      RegistryService registry,
      RegistryAccess registryAccess,
      DepartmentDirectory directory,
      HistoryService historyService,
      IdentityService identityService,
      Privileged privileged) {
    this.records = records;
    this.caseRecords = caseRecords;
    this.registry = registry;
    this.registryAccess = registryAccess;
    this.directory = directory;
    this.historyService = historyService;
    this.identityService = identityService;
    this.privileged = privileged;
  }

  /** The case with this number, if the signed-in caller may read its audit record. */
  public Optional<CaseRecord> visible(String caseNumber) {
    if (caseNumber == null || caseNumber.length() > MAX_CASE_NUMBER) {
      return Optional.empty();
    }
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return Optional.empty();
    }
    RegistryAccess.Visibility visibility = registryAccess.current();
    return records
        .findByNumber(caseNumber)
        .filter(
            record ->
                visibility.all()
                    || visibility.departmentCodes().contains(record.department().code())
                    || record.applicant().userId().equals(caller.getUserId()));
  }

  /** The audit record of a case the caller may read ({@link #visible}). */
  public AuditRecord of(CaseRecord record) {
    return privileged.call(() -> build(record));
  }

  private AuditRecord build(CaseRecord record) {
    Lookups lookups = new Lookups();
    List<AuditStep> steps = new ArrayList<>();
    steps.add(opened(record, lookups));
    caseRecords.recordedActs(record.caseId()).forEach(act -> steps.add(act(act, lookups)));
    List<RecordedClassification> classifications = caseRecords.classifications(record.caseId());
    if (classifications.isEmpty() && record.classification() != null) {
      // classified before the classification history (V6): the latest one, without its reasons
      steps.add(
          classified(
              new RecordedClassification(
                  record.caseId(),
                  record.classification().outcome(),
                  record.classification().route(),
                  List.of(),
                  record.classification().classifiedAt()),
              true,
              lookups));
    }
    classifications.forEach(
        classification -> steps.add(classified(classification, false, lookups)));
    if (record.registryEntryId() != null) {
      registry.find(record.registryEntryId()).ifPresent(entry -> registered(entry, steps, lookups));
      for (CaseRecord termination :
          records.othersOfEntry(record.registryEntryId(), record.caseId())) {
        caseRecords.recordedActs(termination.caseId()).forEach(act -> steps.add(act(act, lookups)));
      }
    }
    // stable: at the same instant the order above holds (an act before the classification it
    // caused, in the same transaction)
    steps.sort(Comparator.comparing(AuditStep::at));
    return new AuditRecord(
        record.caseNumber(),
        record.serviceName(),
        record.applicant().name(),
        record.department().name(),
        List.copyOf(steps));
  }

  private AuditStep opened(CaseRecord record, Lookups lookups) {
    String process = lookups.processKey(record.caseId());
    return step(
        record.createdAt(),
        process,
        null,
        "受付（受付番号 " + record.caseNumber() + "）",
        record.applicant().userId(),
        record.applicant().name(),
        CaseAct.APPLICANT,
        lookups,
        null,
        "",
        "OPENED",
        "受付",
        null,
        null);
  }

  private AuditStep act(RecordedAct recorded, Lookups lookups) {
    CaseAct act = recorded.act();
    return step(
        act.actedAt(),
        lookups.processKey(act.processInstanceId()),
        act.step(),
        lookups.stepName(act.processInstanceId(), act.step()),
        act.actor().userId(),
        act.actor().name(),
        act.role(),
        lookups,
        recorded.answersJson(),
        recorded.answersJson() == null ? NO_RECORD : recorded.answersJson(),
        act.result().name(),
        ActResults.label(act.result()),
        StepCitations.of(act.step()),
        act.deputyFor());
  }

  private AuditStep classified(
      RecordedClassification classification, boolean withoutReasons, Lookups lookups) {
    List<Reason> reasons = classification.reasons();
    String rules =
        reasons.stream()
            .map(Reason::rule)
            .filter(Objects::nonNull)
            .distinct()
            .collect(Collectors.joining("; "));
    String explained =
        withoutReasons
            ? "理由は" + NO_RECORD
            : reasons.stream()
                .map(
                    reason ->
                        reason.message()
                            + (reason.source() == null ? "" : "（" + reason.source() + "）"))
                .collect(Collectors.joining("\n"));
    String outcome =
        classification.outcome().label()
            + (classification.route() == null ? "" : "（" + classification.route().label() + "）");
    return new AuditStep(
        classification.classifiedAt(),
        iso(classification.classifiedAt()),
        display(classification.classifiedAt()),
        lookups.processKey(classification.processInstanceId()),
        PROCESS_LABELS.getOrDefault(lookups.processKey(classification.processInstanceId()), "—"),
        ApplicationProcess.Element.CLASSIFY,
        lookups.stepName(classification.processInstanceId(), ApplicationProcess.Element.CLASSIFY),
        CaseRecords.SYSTEM,
        "システム",
        SYSTEM_ROLE,
        "システム（判定表）",
        false,
        null,
        null,
        "",
        classification.outcome().name(),
        outcome,
        rules.isEmpty() ? null : rules,
        explained.isEmpty() ? null : explained);
  }

  private void registered(RegistryEntry entry, List<AuditStep> steps, Lookups lookups) {
    for (RegistryEvent event : entry.events()) {
      String process =
          event.processInstanceId() == null
              ? REGISTRY
              : lookups.processKey(event.processInstanceId());
      String stepName =
          switch (event.eventType()) {
            case RegistryEvent.REGISTERED -> "承認済み外部サービス台帳に登録（台帳番号 " + entry.id() + "）";
            case RegistryEvent.CONTRACT_RECORDED -> "契約日を台帳に記録";
            case RegistryEvent.SUCCESSOR_NAMED -> "人事異動による後任を台帳に記録";
            default -> "台帳の状態を変更";
          };
      String resultLabel = event.note() == null || event.note().isBlank() ? stepName : event.note();
      steps.add(
          step(
              event.occurredAt(),
              process,
              null,
              stepName,
              event.actor(),
              event.actor() == null ? null : directory.displayName(event.actor()),
              null,
              lookups,
              null,
              "",
              event.eventType(),
              resultLabel,
              RegistryEvent.REGISTERED.equals(event.eventType()) ? StepCitations.REGISTERED : null,
              null));
    }
  }

  /** {@code deputyFor}: the person for whom the actor acted as 代理 (issue 16), or null. */
  private AuditStep step(
      Instant at,
      String process,
      String step,
      String stepName,
      String actorId,
      String actorName,
      String role,
      Lookups lookups,
      String answers,
      String answersText,
      String result,
      String resultLabel,
      String rule,
      Actor deputyFor) {
    return new AuditStep(
        at,
        iso(at),
        display(at),
        process,
        process == null
            ? "—"
            : REGISTRY.equals(process) ? "台帳" : PROCESS_LABELS.getOrDefault(process, process),
        step,
        stepName,
        actorId,
        actorName,
        role,
        role == null ? null : lookups.roleLabel(role),
        deputyFor != null,
        deputyFor == null ? null : deputyFor.name() + "（" + deputyFor.userId() + "）",
        answers,
        answersText,
        result,
        resultLabel,
        rule,
        rule == null ? null : ruleLabel(rule));
  }

  /**
   * As {@link Reason#source()}: the citation in staff words, a ruling alone the ward's decision.
   */
  private static String ruleLabel(String rule) {
    String named = StaffWording.citations(rule).strip();
    return named.isEmpty() ? "区の運用判断" : named;
  }

  static String iso(Instant at) {
    return at == null ? null : ISO.format(ZonedDateTime.ofInstant(at, JapanClock.ZONE));
  }

  static String display(Instant at) {
    return at == null ? null : DISPLAY.format(ZonedDateTime.ofInstant(at, JapanClock.ZONE));
  }

  /** The engine lookups of one record, each asked once (run as the system). */
  private final class Lookups {
    private final Map<String, String> processKeys = new HashMap<>();
    private final Map<String, String> stepNames = new HashMap<>();
    private final Map<String, String> roleLabels = new HashMap<>();

    String processKey(String processInstanceId) {
      return processKeys.computeIfAbsent(
          processInstanceId,
          id -> {
            HistoricProcessInstance instance =
                historyService
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(id)
                    .singleResult();
            return instance == null ? null : instance.getProcessDefinitionKey();
          });
    }

    String stepName(String processInstanceId, String step) {
      return stepNames.computeIfAbsent(
          processInstanceId + "/" + step,
          key ->
              historyService
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(processInstanceId)
                  .activityId(step)
                  .list()
                  .stream()
                  .map(HistoricActivityInstance::getActivityName)
                  .filter(Objects::nonNull)
                  .findFirst()
                  .orElse(step));
    }

    /** The role's Japanese name: the group's name, as 申請一覧 shows who holds a task. */
    String roleLabel(String role) {
      return roleLabels.computeIfAbsent(
          role,
          id ->
              switch (id) {
                case CaseAct.APPLICANT -> "申請者";
                case CaseAct.SERVICE_MANAGER -> "サービス管理担当者";
                default -> {
                  Set<String> names = new LinkedHashSet<>();
                  for (Group group : identityService.createGroupQuery().groupId(id).list()) {
                    names.add(group.getName());
                  }
                  yield names.isEmpty() ? id : String.join("・", names);
                }
              });
    }
  }
}
