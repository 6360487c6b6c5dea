package jp.lg.externalservice.sns;

import static jp.lg.externalservice.sns.SnsProcess.Variables.*;

import java.util.Arrays;
import java.util.List;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.sns.SnsProcess.SnsProcedureItem;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PrepareSnsRegistration} (003 第7 5, ruling R-10): a responsible person for the service
 * (5(3)), an operating procedure covering ア–オ (5(1)), the verified/official account where offered
 * (5(1)エ), and the pledge that no 機密性2以上 information is posted (5(2)).
 */
@Component("snsRegistrationCompletion")
public class SnsRegistrationCompletion extends TaskCompletion {

  private final DepartmentDirectory directory;
  private final CaseRecords caseRecords;

  public SnsRegistrationCompletion(DepartmentDirectory directory, CaseRecords caseRecords) {
    this.directory = directory;
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    reader.requiredText(SNS_ACCOUNT_NAME, 200);
    String url = reader.requiredText(SNS_ACCOUNT_URL, 500);
    if (url != null && !url.matches("https?://\\S+")) {
      reader.reject(
          SNS_ACCOUNT_URL, "http:// 又は https:// で始まる URL を入力してください", "must be an http(s) URL");
    }
    String responsible = reader.requiredText(SNS_RESPONSIBLE_PERSON, 64);
    if (responsible != null && directory.user(responsible).isEmpty()) {
      reader.reject(
          SNS_RESPONSIBLE_PERSON,
          "職員 ID「" + responsible + "」が見つかりません",
          "no user with id '" + responsible + "'");
    }
    List<SnsProcedureItem> items =
        reader.enumList(SNS_PROCEDURE_ITEMS, SnsProcedureItem.class, false);
    List<String> missing =
        Arrays.stream(SnsProcedureItem.values())
            .filter(item -> !items.contains(item))
            .map(Enum::name)
            .toList();
    if (!missing.isEmpty() && !reader.hasError(SNS_PROCEDURE_ITEMS)) {
      reader.reject(
          SNS_PROCEDURE_ITEMS,
          "運用手順にはア–オのすべてを定めてください（003 第7 5(1)）: " + String.join(", ", missing),
          "the operating procedure must cover items ア–オ (003 第7 5(1)): "
              + String.join(", ", missing));
    }
    reader.requiredEnum(SNS_OFFICIAL_ACCOUNT);
    Boolean pledge = reader.requiredBoolean(SNS_NO_CONFIDENTIAL_POSTS);
    if (Boolean.FALSE.equals(pledge)) {
      reader.reject(
          SNS_NO_CONFIDENTIAL_POSTS,
          "機密性2以上の情報は投稿できません。確認のうえチェックしてください（003 第7 5(2)）",
          "機密性2以上 information must not be posted: confirm it (003 第7 5(2))");
    }
    if (reader.errors().isEmpty()) {
      caseRecords.act(execution, CaseAct.APPLICANT, ActResult.SUBMITTED);
      SNS_RESPONSIBLE_PERSON_NAME.set(execution, directory.displayName(responsible));
    }
  }
}
