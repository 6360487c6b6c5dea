package jp.lg.externalservice.sns;

import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.system.Var;

/**
 * The SNS account registration ({@code processes/sns-account-registration.bpmn}, ruling R-10),
 * called by the application for outcome SNS_PROCEDURE: key, element ids and variables, declared
 * once.
 */
public final class SnsProcess {

  public static final String KEY = CaseProcesses.SNS_REGISTRATION;

  /** Element ids of the diagram. */
  public static final class Element {
    public static final String PREPARE_SNS_REGISTRATION = "Task_PrepareSnsRegistration";
    public static final String APPROVE_SNS_REGISTRATION = CaseSteps.APPROVE_SNS_REGISTRATION;
    public static final String REGISTER_SNS_ACCOUNT = "Task_RegisterSnsAccount";
    public static final String END_SNS_REGISTERED = "Event_SnsRegistered";
    public static final String END_SNS_REJECTED = "Event_SnsRejected";
    public static final String ESCALATE_OVERDUE = "Task_EscalateOverdue";

    /** The approval's deadline (timer). */
    public static final String APPROVAL_OVERDUE = "Event_SnsApprovalOverdue";

    public static final String END_OVERDUE_ESCALATED = "Event_OverdueEscalated";

    private Element() {}
  }

  /** Process variables of the registration (003 第7 5). */
  public static final class Variables {
    public static final Var<String> SNS_ACCOUNT_NAME = Var.string("snsAccountName");
    public static final Var<String> SNS_ACCOUNT_URL = Var.string("snsAccountUrl");
    public static final Var<String> SNS_RESPONSIBLE_PERSON = Var.string("snsResponsiblePerson");
    public static final Var<String> SNS_RESPONSIBLE_PERSON_NAME =
        Var.string("snsResponsiblePersonName");
    public static final Var<Object> SNS_PROCEDURE_ITEMS = Var.json("snsProcedureItems");
    public static final Var<OfficialAccount> SNS_OFFICIAL_ACCOUNT =
        Var.enumeration("snsOfficialAccount", OfficialAccount.class);
    public static final Var<Boolean> SNS_NO_CONFIDENTIAL_POSTS = Var.bool("snsNoConfidentialPosts");
    public static final Var<CaseVariables.DecisionChoice> SNS_DECISION_CHOICE =
        Var.enumeration("snsDecisionChoice", CaseVariables.DecisionChoice.class);

    private Variables() {}
  }

  /** The SNS operating procedure items ア–オ (003 第7 5(1)). */
  public enum SnsProcedureItem {
    A_POSTABLE_INFORMATION,
    B_ACCOUNT_LIST_PAGE,
    C_WEBSITE_URL_IN_PROFILE,
    D_OFFICIAL_ACCOUNT,
    E_CREDENTIAL_MANAGEMENT
  }

  /** 認証アカウント／公式アカウント (003 第7 5(1)エ): used, or not offered by the service. */
  public enum OfficialAccount {
    USED,
    NOT_OFFERED
  }

  private SnsProcess() {}
}
