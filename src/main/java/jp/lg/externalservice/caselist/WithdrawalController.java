package jp.lg.externalservice.caselist;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import jp.lg.externalservice.system.ErrorResponse;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/applications/{caseNumber}/withdrawal} ({@code {"reason": "…"}}: the applicant or
 * her 所属長 withdraws the application before the decision) and {@code POST
 * /api/applications/{caseNumber}/copy} (the applicant starts a new application from a withdrawn
 * one), see {@link Withdrawals}. An unknown case and one the caller may not see answer the same 404
 * as the other 申請一覧 endpoints.
 */
@RestController
public class WithdrawalController {

  private final Withdrawals withdrawals;

  WithdrawalController(Withdrawals withdrawals) {
    this.withdrawals = withdrawals;
  }

  @PostMapping(
      path = "/api/applications/{caseNumber}/withdrawal",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Withdrawals.Withdrawn withdraw(
      @PathVariable String caseNumber, @RequestBody(required = false) JsonNode body) {
    checkLength(caseNumber);
    return withdrawals.withdraw(caseNumber, body);
  }

  @PostMapping(
      path = "/api/applications/{caseNumber}/copy",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public Withdrawals.Copied copy(@PathVariable String caseNumber) {
    checkLength(caseNumber);
    return withdrawals.copy(caseNumber);
  }

  private static void checkLength(String caseNumber) {
    if (caseNumber.length() > 16) {
      throw new Withdrawals.CaseListNotFound();
    }
  }

  @ExceptionHandler(Withdrawals.CaseListNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public ErrorResponse notFound(Withdrawals.CaseListNotFound e) {
    return new ErrorResponse("申請が見つかりません", "no such application", List.of());
  }

  @ExceptionHandler(Withdrawals.Conflict.class)
  @ResponseStatus(HttpStatus.CONFLICT)
  public ErrorResponse conflict(Withdrawals.Conflict e) {
    return new ErrorResponse(e.messageJa(), e.messageEn(), List.of());
  }

  /**
   * A task of the case was completed at the same moment (e.g. the decision): the engine let the
   * other transaction win and nothing of the withdrawal was stored.
   */
  @ExceptionHandler(OptimisticLockingException.class)
  @ResponseStatus(HttpStatus.CONFLICT)
  public ErrorResponse concurrent(OptimisticLockingException e) {
    return new ErrorResponse(
        "同時に別の操作（タスクの完了など）が行われたため、取り下げられませんでした。申請一覧を開き直して状態を確認してください",
        "another change of the case (e.g. a task completion) happened at the same time; nothing was"
            + " withdrawn. Reload the list and check the state",
        List.of());
  }
}
