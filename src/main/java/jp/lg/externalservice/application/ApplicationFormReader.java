package jp.lg.externalservice.application;

import static jp.lg.externalservice.application.ApplicationProcess.Variables.*;

import java.time.LocalDate;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.classification.ClassificationInput;
import jp.lg.externalservice.classification.ClassificationInputReader;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.InputReader;

/**
 * Validates the application form (様式1/様式2 basics, 002 §5(1)) on the server: a start through the
 * engine REST API bypasses the Camunda Form, so every rule of the form is checked again here.
 */
final class ApplicationFormReader {

  static final int MAX_USERS = 100_000;

  private ApplicationFormReader() {}

  /** Reads and validates; every problem is recorded in {@code reader}. */
  static ClassificationInput read(InputReader reader, DepartmentDirectory directory) {
    ClassificationInput input = ClassificationInputReader.read(reader, true);
    reader.requiredText(SERVICE_DESCRIPTION, InputReader.MAX_TEXT);
    reader.requiredText(PURPOSE, InputReader.MAX_TEXT);
    reader.requiredText(BUSINESS_SCOPE, InputReader.MAX_TEXT);
    reader.requiredText(USERS, InputReader.MAX_TEXT);
    reader.requiredInteger(USER_COUNT, 1, MAX_USERS);
    LocalDate start = reader.requiredDate(CaseVariables.PERIOD_START);
    LocalDate end = reader.requiredDate(CaseVariables.PERIOD_END);
    if (start != null && end != null && end.isBefore(start)) {
      reader.reject(
          CaseVariables.PERIOD_END, "利用期間の終了日は開始日以降にしてください", "must not be before periodStart");
    }
    String manager = reader.requiredText(CaseVariables.SERVICE_MANAGER, 64);
    if (manager != null && directory.user(manager).isEmpty()) {
      reader.reject(
          CaseVariables.SERVICE_MANAGER,
          "職員 ID「" + manager + "」が見つかりません",
          "no user with id '" + manager + "'");
    }
    return reader.errors().isEmpty() ? input : null;
  }
}
