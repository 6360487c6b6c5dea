package jp.lg.externalservice.caserecord;

import java.util.Date;
import jp.lg.externalservice.classification.ClassificationInputReader;
import jp.lg.externalservice.system.Var;

/**
 * The variables every flow shares, declared once and typed, below the flows: who the case is about,
 * the registry entry, and the contract between the application and the review it calls ({@link
 * #DECISION}). Each flow's own variables are in its backing class ({@code
 * ApplicationProcess.Variables} …). These are for display and for the forms; the facts the rules go
 * by are in the case record ({@link CaseRecords}).
 */
public final class CaseVariables {

  // who (written by the server at submission; display only, the record is the fact)
  public static final Var<String> APPLICANT = Var.string("applicant");

  /** The case number (受付番号, also the business key of the application). */
  public static final Var<String> CASE_NUMBER = Var.string("caseNumber");

  public static final Var<String> APPLICANT_NAME = Var.string("applicantName");
  public static final Var<String> DEPARTMENT_CODE = Var.string("departmentCode");
  public static final Var<String> DEPARTMENT_NAME = Var.string("departmentName");
  public static final Var<String> SERVICE_NAME = Var.string(ClassificationInputReader.SERVICE_NAME);

  /**
   * The entry of the approved-service registry the case is about; the business key of operation and
   * termination.
   */
  public static final Var<String> REGISTRY_ENTRY_ID = Var.string("registryEntryId");

  /** 外部サービス管理者: the department's 所属長, named at approval. */
  public static final Var<String> SERVICE_ADMINISTRATOR = Var.string("serviceAdministrator");

  public static final Var<String> SERVICE_ADMINISTRATOR_NAME =
      Var.string("serviceAdministratorName");

  // the application's answers that the later flows read again (the registry entry, the review's
  // rules, display)
  public static final Var<String> PROVIDER_NAME =
      Var.string(ClassificationInputReader.PROVIDER_NAME);

  /** サービス管理担当者 as the application named them (the record holds the validated one). */
  public static final Var<String> SERVICE_MANAGER = Var.string("serviceManager");

  public static final Var<String> SERVICE_MANAGER_NAME = Var.string("serviceManagerName");

  /** ISO dates, as the form's date fields send them. */
  public static final Var<String> PERIOD_START = Var.string("periodStart");

  public static final Var<String> PERIOD_END = Var.string("periodEnd");

  /** The entry a renewal (更改) replaces (ruling R-17). */
  public static final Var<String> RENEWS_REGISTRY_ENTRY_ID = Var.string("renewsRegistryEntryId");

  /** The information types the service handles: a JSON list of {@code InformationType} names. */
  public static final Var<Object> INFORMATION_TYPES =
      Var.json(ClassificationInputReader.INFORMATION_TYPES);

  /** 利用目的, as the application gave it: shown again by the review and the operation's duties. */
  public static final Var<String> PURPOSE = Var.string("purpose");

  /**
   * The information types in words, shown by the review and the operation's duties; {@link
   * #INFORMATION_TYPES} holds their names.
   */
  public static final Var<String> INFORMATION_TYPE_LABELS = Var.string("informationTypeLabels");

  /** The route in words (重要情報を取り扱う …), shown by the forms and the task list of every flow. */
  public static final Var<String> ROUTE_LABEL = Var.string("routeLabel");

  /** For display: the route's name ({@code IMPORTANT} …); the record holds the classification. */
  public static final Var<String> ROUTE = Var.string("route");

  public static final Var<String> CLASSIFICATION_SUMMARY = Var.string("classificationSummary");

  /** The classification's reasons with their citations (JSON). */
  public static final Var<Object> REASONS = Var.json("reasons");

  /** The 利用責任者's answers to the eight measures (002 §5(2)), JSON by item key. */
  public static final Var<Object> DOUBLE_CHECK = Var.json("doubleCheck");

  /** The 別表 self-check (004 §7(1)), JSON by item key. */
  public static final Var<Object> SELECTION_CRITERIA = Var.json("selectionCriteria");

  /** The applicant's note on a correction after a return (application and termination). */
  public static final Var<String> CORRECTION_NOTE = Var.string("correctionNote");

  // the outcome of a review or decision, returned to the calling flow
  public static final Var<Decision> DECISION = Var.enumeration("decision", Decision.class);
  public static final Var<String> DECISION_REASON = Var.string("decisionReason");

  /**
   * The decider's 「この内容で決定します」 (issue 14): a deciding form completes only on purpose. Removed again
   * when the decision is recorded, so that the next decision on the same case starts unticked.
   */
  public static final Var<Boolean> DECISION_CONFIRMED = Var.bool("decisionConfirmed");

  public static final Var<String> DECIDED_BY = Var.string("decidedBy");
  public static final Var<Date> DECIDED_AT = Var.date("decidedAt");
  public static final Var<String> RETURN_COMMENT = Var.string("returnComment");
  public static final Var<String> RETURNED_BY = Var.string("returnedBy");

  /** Set on the escalation task of an overdue step: the overdue step's name. */
  public static final Var<String> OVERDUE_STEP = Var.string("overdueStep");

  /** Why a service stops (the operation hands it to the termination). */
  public static final Var<String> TERMINATION_REASON = Var.string("terminationReason");

  /**
   * Values of {@link #DECISION}: what the caller of a review gets back (also set by a rejecting
   * double check).
   */
  public enum Decision {
    APPROVED,
    REJECTED,
    RETURNED
  }

  /** A decider's choice in a form: the decision of the review and the SNS approval. */
  public enum DecisionChoice {
    APPROVE,
    REJECT,
    RETURN
  }

  private CaseVariables() {}
}
