package jp.lg.externalservice.succession;

import java.util.Optional;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryRole;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.system.JapanClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Start of {@code Task_NameSuccessor} (one per vacancy): writes what the task shows — the service,
 * its registry entry and department, the role and who left it, since when — as variables local to
 * the task's execution, and proposes the department's 所属長 as 外部サービス管理者 (ruling R-21) by filling in
 * the form's {@code successorId}. The form's two fields start local too, so that each task's answer
 * stays in its own execution.
 */
@Component("showVacancy")
public class ShowVacancy implements ExecutionListener {

  private final SuccessorWatch watch;
  private final RegistryService registry;
  private final Departures departures;

  public ShowVacancy(SuccessorWatch watch, RegistryService registry, Departures departures) {
    this.watch = watch;
    this.registry = registry;
    this.departures = departures;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long id = Long.parseLong((String) execution.getVariable(SuccessorWatch.VACANCY_ID));
    Vacancy vacancy = watch.vacancy(id).orElseThrow();
    RegistryEntry entry = registry.find(vacancy.registryEntryId()).orElseThrow();
    // the task's title and Tasklist's columns read these, as for every task of a case
    CaseVariables.SERVICE_NAME.setLocal(execution, vacancy.serviceName());
    CaseVariables.DEPARTMENT_NAME.setLocal(execution, vacancy.departmentName());
    execution.setVariableLocal("vacancyRegistryEntryId", vacancy.registryEntryId());
    execution.setVariableLocal("vacancyRole", vacancy.role().label());
    execution.setVariableLocal(
        "vacancyDeparted", vacancy.departedName() + "（" + vacancy.departedUser() + "）");
    execution.setVariableLocal(
        "vacancyDetected", JapanClock.japanese(JapanClock.dayOf(vacancy.detectedAt())));
    execution.setVariableLocal(
        "vacancyEligible",
        vacancy.departmentName()
            + (vacancy.role() == RegistryRole.SERVICE_MANAGER ? "の職員" : "の所属長"));
    Optional<User> proposal = departures.proposal(entry, vacancy.role());
    execution.setVariableLocal(
        "vacancyProposal",
        proposal
            .map(user -> user.getLastName() + " " + user.getFirstName() + "（" + user.getId() + "）")
            .orElse("—"));
    SuccessorWatch.SUCCESSOR_ID.setLocal(execution, proposal.map(User::getId).orElse(null));
    execution.setVariableLocal(SuccessorWatch.DECISION.name(), null);
  }
}
