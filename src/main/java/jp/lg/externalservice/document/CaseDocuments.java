package jp.lg.externalservice.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caselist.ApplicationRecord;
import jp.lg.externalservice.caselist.CaseList;
import jp.lg.externalservice.caselist.JapaneseDates;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecordRepository;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.checklist.CheckAnswer;
import jp.lg.externalservice.checklist.Checklist;
import jp.lg.externalservice.checklist.ChecklistItem;
import jp.lg.externalservice.checklist.SecurityMeasure;
import jp.lg.externalservice.checklist.SelectionCriterion;
import jp.lg.externalservice.checklist.TerminationItem;
import jp.lg.externalservice.checklist.UsageRisk;
import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.system.Privileged;
import jp.lg.externalservice.termination.TerminationProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.stereotype.Service;

/**
 * The documents of a case, filled from the authoritative case record: who applied from which
 * department, the classification (route, 様式, conditions), who decided what and when (the record's
 * acts) come from {@link CaseRecordRepository}; the application's answers are the validated answers
 * of its forms, read from the history as the printable record reads them ({@link CaseList#record}).
 * A decision variable a user could rewrite is never read as the decision.
 *
 * <p>Who may have a document: exactly who may open the printable record ({@link
 * CaseList#visibleRecord}); an unknown case and a case the caller may not see answer the same.
 */
@Service
public class CaseDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CaseList caseList;
  private final CaseRecordRepository records;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final RegistryService registry;
  private final Privileged privileged;

  CaseDocuments(
      CaseList caseList,
      CaseRecordRepository records,
      HistoryService historyService,
      TaskService taskService,
      RegistryService registry,
      Privileged privileged) {
    this.caseList = caseList;
    this.records = records;
    this.historyService = historyService;
    this.taskService = taskService;
    this.registry = registry;
    this.privileged = privileged;
  }

  /** The documents there are of a case: what 申請一覧 and the task view link to. */
  public record Available(String caseNumber, List<Link> documents) {}

  /**
   * One document: its kind ({@code application}, {@code decision} …), its name on screen, its URL.
   */
  public record Link(String kind, String label, String format, String href) {}

  /** The case the caller may see, by its number. */
  public Optional<CaseRecord> visible(String caseNumber) {
    if (caseNumber == null || caseNumber.length() > 16) {
      return Optional.empty();
    }
    return caseList.visibleRecord(caseNumber);
  }

  /**
   * The application of a task's process tree: the application itself (with its review or SNS
   * registration), or, for an operation or termination, the application that registered the service
   * it is about (its record names the registry entry).
   */
  public Optional<CaseRecord> ofCaseId(String caseId) {
    Optional<CaseRecord> record = privileged.call(() -> records.find(caseId));
    Optional<CaseRecord> application =
        record
            .filter(found -> found.registryEntryId() != null)
            .flatMap(found -> privileged.call(() -> registry.find(found.registryEntryId())))
            .map(RegistryEntry::applicationProcessInstanceId)
            .flatMap(this::rootOf) // the entry names the instance that registered it (the review)
            .filter(id -> !id.equals(caseId))
            .flatMap(id -> privileged.call(() -> records.find(id)));
    return application.or(() -> record).map(CaseRecord::caseNumber).flatMap(this::visible);
  }

  private Optional<String> rootOf(String processInstanceId) {
    return privileged.call(
        () ->
            Optional.ofNullable(
                    historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .singleResult())
                .map(HistoricProcessInstance::getRootProcessInstanceId));
  }

  public Available available(CaseRecord record) {
    String base = "/api/applications/" + record.caseNumber();
    List<Link> links = new ArrayList<>();
    links.add(new Link("application", "申請書", "PDF", base + "/application.pdf"));
    if (decision(record).isPresent()) {
      links.add(new Link("decision", "決定通知書", "PDF", base + "/decision.pdf"));
    }
    if (termination(record).isPresent()) {
      links.add(new Link("termination", "終了確認書", "PDF", base + "/termination.pdf"));
    }
    // the audit record is its own endpoint (issue 15); it decides who may have it
    links.add(new Link("audit", "監査記録", "CSV", base + "/audit.csv"));
    return new Available(record.caseNumber(), links);
  }

  // ---- the application (様式1/様式2, with the 別表 or the risk acceptance)

  public Document application(CaseRecord record) {
    ApplicationRecord printable = caseList.record(record);
    Map<String, Object> answers = variables(record.caseId());
    Route route = record.classification() == null ? null : record.classification().route();
    String form =
        record.classification() == null ? null : record.classification().applicationForm();
    String title = form == null ? "外部サービス利用申請書" : form + "　外部サービス利用申請書";
    List<String> preamble = new ArrayList<>();
    if (route != null) {
      preamble.add(route == Route.IMPORTANT ? "（個人情報等の重要情報の取扱いあり）" : "（個人情報等の重要情報の取扱いなし）");
    }
    preamble.add(
        "申請日　"
            + JapaneseDates.dateTime(filedAt(record))
            + "　　申請者　"
            + record.applicant().name()
            + "（"
            + record.department().name()
            + "）");
    List<Document.Section> sections = new ArrayList<>();
    List<List<String>> lines = new ArrayList<>();
    for (ApplicationRecord.Line line : printable.application()) {
      lines.add(List.of(line.label(), line.value()));
    }
    sections.add(Document.Section.fields("申請の内容", lines));
    JsonNode criteria = json(answers.get(CaseVariables.SELECTION_CRITERIA.name()));
    if (route == Route.IMPORTANT || criteria != null) {
      List<List<String>> rows = new ArrayList<>();
      for (SelectionCriterion criterion : SelectionCriterion.values()) {
        rows.add(
            List.of(
                criterion.number(),
                criterion.level().label(),
                criterion.text(),
                answer(criteria, criterion.key())));
      }
      sections.add(
          Document.Section.table(
              "別表　外部サービス選定基準の確認結果（004 §7(1)）",
              List.of("番号", "要否", "基準", "回答"),
              rows,
              List.of(0.1f, 0.08f, 0.72f, 0.1f)));
    } else if (route != null) {
      sections.add(riskAcceptance(answers));
    }
    JsonNode selfCheck = json(answers.get(ApplicationProcess.Variables.MEASURES_SELF_CHECK.name()));
    JsonNode doubleCheck = json(answers.get(CaseVariables.DOUBLE_CHECK.name()));
    if (selfCheck != null || doubleCheck != null) {
      List<List<String>> rows = answered(SecurityMeasure.values(), selfCheck, doubleCheck);
      sections.add(
          Document.Section.table(
              "確認事項（002 §5(2)）",
              List.of("番号", "項目", "申請者", "利用責任者"),
              rows,
              List.of(0.07f, 0.67f, 0.13f, 0.13f)));
    }
    sections.add(history(printable));
    return new Document(
        title, record.caseNumber(), "申請書_" + record.caseNumber(), preamble, sections);
  }

  private Document.Section riskAcceptance(Map<String, Object> answers) {
    UsageRisk.ContractType contractType = null;
    Object type = answers.get(ApplicationProcess.Variables.CONTRACT_TYPE.name());
    for (UsageRisk.ContractType value : UsageRisk.ContractType.values()) {
      if (value.name().equals(String.valueOf(type))) {
        contractType = value;
      }
    }
    JsonNode accepted = json(answers.get(ApplicationProcess.Variables.ACCEPTED_RISKS.name()));
    List<String> acceptedKeys = new ArrayList<>();
    if (accepted != null) {
      accepted.forEach(node -> acceptedKeys.add(node.asText()));
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "契約形態",
            contractType == null
                ? "—"
                : contractType == UsageRisk.ContractType.CONTRACT ? "契約書による利用" : "約款による利用",
            ""));
    for (UsageRisk risk : UsageRisk.values()) {
      if (contractType == null || risk.appliesTo(contractType)) {
        rows.add(
            List.of(risk.name(), risk.text(), acceptedKeys.contains(risk.name()) ? "受容済み" : "—"));
      }
    }
    return Document.Section.table(
        "利用に係るリスクの受容（004 §6、§7(2)）",
        List.of("区分", "リスク", "確認"),
        rows,
        List.of(0.12f, 0.72f, 0.16f));
  }

  private static Document.Section history(ApplicationRecord printable) {
    List<List<String>> rows = new ArrayList<>();
    for (ApplicationRecord.Step step : printable.history()) {
      rows.add(
          List.of(JapaneseDates.dateTime(step.at()), step.step(), step.actor(), step.result()));
    }
    if (rows.isEmpty()) {
      rows.add(List.of("—", "まだ経過はありません", "", ""));
    }
    return Document.Section.table(
        "経過", List.of("日時", "手順", "担当者", "結果"), rows, List.of(0.24f, 0.4f, 0.18f, 0.18f));
  }

  // ---- the decision (許可・不許可の通知)

  /**
   * The act that decided the case, from the record: the last approval or rejection that decides.
   */
  Optional<CaseAct> decision(CaseRecord record) {
    List<CaseAct> acts = privileged.call(() -> records.acts(record.caseId()));
    for (int i = acts.size() - 1; i >= 0; i--) {
      CaseAct act = acts.get(i);
      boolean decides =
          switch (act.step()) {
            case CaseSteps.DECIDE, CaseSteps.APPROVE_SNS_REGISTRATION ->
                act.result() == ActResult.APPROVED || act.result() == ActResult.REJECTED;
            // the 利用責任者's rejection ends the application (002 §5(3))
            case CaseSteps.DOUBLE_CHECK -> act.result() == ActResult.REJECTED;
            default -> false;
          };
      if (decides) {
        return Optional.of(act);
      }
      if (act.result() == ActResult.RETURNED) {
        return Optional.empty(); // returned after a decision: the case is open again
      }
    }
    return Optional.empty();
  }

  public Document decision(CaseRecord record, CaseAct act) {
    boolean approved = act.result() == ActResult.APPROVED;
    Map<String, Object> answers = variables(record.caseId());
    String reason =
        text(
            privileged.call(
                () ->
                    historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(act.processInstanceId())
                        .variableName(CaseVariables.DECISION_REASON.name())
                        .list()
                        .stream()
                        .map(HistoricVariableInstance::getValue)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null)));
    String title = approved ? "外部サービス利用許可通知書" : "外部サービス利用不許可通知書";
    String decider =
        switch (act.step()) {
          case CaseSteps.DECIDE -> "情報政策課長（利用申請の許可権限者）";
          default -> "利用責任者";
        };
    List<String> preamble =
        List.of(
            record.applicant().name() + "　様（" + record.department().name() + "）",
            JapaneseDates.dateTime(filedAt(record)).split(" ")[0]
                + "付けで申請のあった外部サービスの利用について、次のとおり"
                + (approved ? "許可する" : "不許可とする")
                + "ことに決定したので通知します。");
    List<List<String>> lines = new ArrayList<>();
    lines.add(List.of("受付番号", record.caseNumber()));
    lines.add(List.of("提供サービス名", text(record.serviceName())));
    lines.add(List.of("提供会社名", text(answers.get(CaseVariables.PROVIDER_NAME.name()))));
    lines.add(
        List.of(
            "申請の種類",
            record.classification() == null || record.classification().route() == null
                ? "—"
                : record.classification().route().label()
                    + "（"
                    + text(record.classification().applicationForm())
                    + "）"));
    lines.add(List.of("決定", approved ? "許可" : "不許可"));
    lines.add(List.of("決定日", JapaneseDates.dateTime(act.actedAt())));
    lines.add(List.of("決定者", act.actorShown() + "（" + decider + "）"));
    lines.add(List.of(approved ? "決定の理由・付記" : "不許可の理由", reason));
    Object start = answers.get(CaseVariables.PERIOD_START.name());
    Object end = answers.get(CaseVariables.PERIOD_END.name());
    if (approved && (start != null || end != null)) {
      lines.add(List.of("利用期間", JapaneseDates.date(start) + " 〜 " + JapaneseDates.date(end)));
    }
    List<Document.Section> sections = new ArrayList<>();
    sections.add(Document.Section.fields("決定の内容", lines));
    if (approved) {
      sections.add(Document.Section.table("利用の条件", List.of("条件"), conditions(record), List.of(1f)));
    }
    List<List<String>> reasons = new ArrayList<>();
    JsonNode classified = json(answers.get(CaseVariables.REASONS.name()));
    if (classified != null) {
      classified.forEach(
          node ->
              reasons.add(
                  List.of(
                      node.path("rule").asText("—"), // in staff words (Document.Section)
                      node.path("message").asText("—"))));
    }
    if (!reasons.isEmpty()) {
      sections.add(
          Document.Section.table("判定の根拠", List.of("根拠", "内容"), reasons, List.of(0.32f, 0.68f)));
    }
    String kind = approved ? "許可通知書_" : "不許可通知書_";
    return new Document(title, record.caseNumber(), kind + record.caseNumber(), preamble, sections);
  }

  /**
   * The conditions of an approval: those the classification attached, and the duties that follow.
   */
  private static List<List<String>> conditions(CaseRecord record) {
    List<List<String>> rows = new ArrayList<>();
    if (record.classification() != null) {
      if (record.classification().discouraged()) {
        rows.add(List.of("原則不可の利用であり、記録された正当な理由の範囲で利用すること（ruling R-7）"));
      }
      for (Condition condition : record.classification().conditions()) {
        rows.add(List.of(condition.label()));
      }
      Route route = record.classification().route();
      if (route != null) {
        rows.add(List.of("利用中及び終了時に次の様式で確認・報告すること：" + String.join("、", route.checklists())));
      }
    }
    rows.add(List.of("申請の内容（利用目的・取り扱う情報・利用者）が変わるときは、あらためて申請すること"));
    return rows;
  }

  // ---- the 終了確認書 with the disposal evidence

  /** The termination that ended the approved service, once its registry entry is terminated. */
  Optional<HistoricProcessInstance> termination(CaseRecord record) {
    if (record.registryEntryId() == null) {
      return Optional.empty();
    }
    Optional<RegistryEntry> entry = privileged.call(() -> registry.find(record.registryEntryId()));
    if (entry.isEmpty() || entry.get().status() != RegistryStatus.TERMINATED) {
      return Optional.empty();
    }
    return privileged.call(
        () ->
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(CaseProcesses.TERMINATION)
                .processInstanceBusinessKey(record.registryEntryId())
                .finished()
                .orderByProcessInstanceEndTime()
                .desc()
                .list()
                .stream()
                .filter(
                    instance ->
                        TerminationProcess.Element.END_TERMINATED.equals(
                            instance.getEndActivityId()))
                .findFirst());
  }

  public Document termination(CaseRecord record, HistoricProcessInstance termination) {
    Map<String, Object> answers = variables(termination.getId());
    Optional<CaseRecord> terminationRecord =
        privileged.call(() -> records.find(termination.getId()));
    List<CaseAct> acts = privileged.call(() -> records.acts(termination.getId()));
    CaseAct confirmed =
        acts.stream()
            .filter(act -> act.result() == ActResult.CONFIRMED)
            .reduce((first, second) -> second)
            .orElse(null);
    Object channel = answers.get(TerminationProcess.Variables.REPORT_CHANNEL.name());
    List<String> preamble = new ArrayList<>();
    terminationRecord.ifPresent(
        filed ->
            preamble.add(
                "届出日　"
                    + JapaneseDates.dateTime(filed.createdAt())
                    + "　　届出者　"
                    + filed.applicant().name()
                    + "（"
                    + filed.department().name()
                    + "）"));
    List<List<String>> lines = new ArrayList<>();
    lines.add(List.of("受付番号（利用申請）", record.caseNumber()));
    lines.add(List.of("提供サービス名", text(record.serviceName())));
    lines.add(List.of("台帳番号", text(record.registryEntryId())));
    lines.add(List.of("終了の理由", text(answers.get(CaseVariables.TERMINATION_REASON.name()))));
    lines.add(
        List.of(
            "取り扱っていた情報",
            text(answers.get(TerminationProcess.Variables.INFORMATION_HANDLED.name()))));
    lines.add(
        List.of(
            "利用終了日",
            JapaneseDates.date(answers.get(TerminationProcess.Variables.END_DATE.name()))));
    lines.add(
        List.of(
            "終了時の合意事項",
            text(answers.get(TerminationProcess.Variables.AGREED_AT_TERMINATION.name()))));
    lines.add(
        List.of(
            "情報政策課への報告",
            "FORM3".equals(String.valueOf(channel))
                ? "様式3 外部サービス利用終了届出書"
                : "LEDGER_SURVEY".equals(String.valueOf(channel)) ? "情報システム台帳調査で回答" : "—"));
    lines.add(
        List.of(
            "利用責任者の確認",
            confirmed == null
                ? "—"
                : confirmed.actorShown()
                    + "（"
                    + JapaneseDates.dateTime(confirmed.actedAt())
                    + "）"));
    List<Document.Section> sections = new ArrayList<>();
    sections.add(Document.Section.fields("終了の内容", lines));

    List<List<String>> evidence = new ArrayList<>();
    evidence.add(
        List.of(
            "データ廃棄に関する証明", text(answers.get(TerminationProcess.Variables.DISPOSAL_PROOF.name()))));
    List<Attachment> files =
        privileged.call(() -> taskService.getProcessInstanceAttachments(termination.getId()));
    for (Attachment file : files) {
      evidence.add(
          List.of(
              "添付ファイル",
              text(file.getName())
                  + (file.getDescription() == null || file.getDescription().isBlank()
                      ? ""
                      : "　" + file.getDescription())
                  + "（"
                  + JapaneseDates.dateTime(
                      file.getCreateTime() == null ? null : file.getCreateTime().toInstant())
                  + "）"));
    }
    if (files.isEmpty()) {
      evidence.add(List.of("添付ファイル", "なし"));
    }
    sections.add(Document.Section.fields("廃棄の証跡（002 §7(1)⑤）", evidence));

    JsonNode check = json(answers.get(TerminationProcess.Variables.TERMINATION_CHECK.name()));
    JsonNode doubleCheck =
        json(answers.get(TerminationProcess.Variables.TERMINATION_DOUBLE_CHECK.name()));
    List<List<String>> items = answered(TerminationItem.values(), check, doubleCheck);
    sections.add(
        Document.Section.table(
            "確認事項（002 §7(2)）",
            List.of("番号", "項目", "届出者", "利用責任者"),
            items,
            List.of(0.07f, 0.67f, 0.13f, 0.13f)));
    JsonNode disposal = json(answers.get(TerminationProcess.Variables.DISPOSAL_CHECKLIST.name()));
    if (disposal != null) {
      sections.add(
          Document.Section.text(
              "様式6　更改・廃棄に係るセキュリティ対策実施状況チェックリスト", tally(Checklist.DISPOSAL, disposal)));
    }
    return new Document(
        "外部サービス終了確認書", record.caseNumber(), "終了確認書_" + record.caseNumber(), preamble, sections);
  }

  private static String tally(Checklist checklist, JsonNode answers) {
    Map<String, Integer> counts = new HashMap<>();
    for (String key : checklist.keys()) {
      counts.merge(CheckAnswer.labelOf(answers.path(key).asText()), 1, Integer::sum);
    }
    return "全 "
        + checklist.keys().size()
        + " 項目　○ "
        + counts.getOrDefault("○", 0)
        + "　× "
        + counts.getOrDefault("×", 0)
        + "　／ "
        + counts.getOrDefault("／", 0);
  }

  // ---- reading

  private Instant filedAt(CaseRecord record) {
    return privileged.call(() -> records.acts(record.caseId())).stream()
        .filter(
            act ->
                act.step().equals(ApplicationProcess.Element.FILL_IN_APPLICATION)
                    && act.result() == ActResult.SUBMITTED)
        .map(CaseAct::actedAt)
        .findFirst()
        .orElse(record.createdAt());
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    privileged.run(
        () -> {
          for (HistoricVariableInstance variable :
              historyService
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(processInstanceId)
                  .list()) {
            // process-level values only: a task-local copy (e.g. the forms' "shown") is not an
            // answer
            if (variable.getValue() != null && variable.getTaskId() == null) {
              values.put(variable.getName(), variable.getValue());
            }
          }
        });
    return values;
  }

  private static JsonNode json(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return JSON.readTree(String.valueOf(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  /** One row per item: number, text, the answer of each of the two who checked it. */
  private static List<List<String>> answered(
      ChecklistItem[] items, JsonNode first, JsonNode second) {
    List<List<String>> rows = new ArrayList<>();
    int number = 1;
    for (ChecklistItem item : items) {
      rows.add(
          List.of(
              String.valueOf(number++),
              item.text(),
              answer(first, item.key()),
              answer(second, item.key())));
    }
    return rows;
  }

  private static String answer(JsonNode answers, String key) {
    String label = answers == null ? "" : CheckAnswer.labelOf(answers.path(key).asText());
    return label.isEmpty() ? "—" : label;
  }

  private static String text(Object value) {
    String text = value == null ? "" : String.valueOf(value).strip();
    return text.isEmpty() ? "—" : text;
  }
}
