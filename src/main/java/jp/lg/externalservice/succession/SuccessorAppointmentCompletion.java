package jp.lg.externalservice.succession;

import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryRole;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code Task_NameSuccessor}: 情報政策課 names the successor of someone who left a registry entry's
 * role, or closes the task as 不要 when nobody needs to succeed (the person is back in the department
 * or the role, the entry has ended, or someone else holds the role by now). The successor must be a
 * member of the entry's department today (サービス管理担当者) or of its 所属長 group (外部サービス管理者, ruling R-21),
 * and not the person who left. Then, in the completing transaction, {@link Succession} changes the
 * registry entry, moves the open operation tasks and mails the successor.
 */
@Component("successorAppointmentCompletion")
public class SuccessorAppointmentCompletion extends TaskCompletion {

  private final SuccessorWatch watch;
  private final RegistryService registry;
  private final Departures departures;
  private final DepartmentDirectory directory;
  private final Succession succession;
  private final IdentityService identityService;

  public SuccessorAppointmentCompletion(
      SuccessorWatch watch,
      RegistryService registry,
      Departures departures,
      DepartmentDirectory directory,
      Succession succession,
      IdentityService identityService) {
    this.watch = watch;
    this.registry = registry;
    this.departures = departures;
    this.directory = directory;
    this.succession = succession;
    this.identityService = identityService;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    long id = Long.parseLong((String) execution.getVariable(SuccessorWatch.VACANCY_ID));
    Vacancy vacancy = watch.vacancy(id).orElseThrow();
    RegistryEntry entry = registry.find(vacancy.registryEntryId()).orElseThrow();
    RegistryRole role = vacancy.role();
    boolean stillVacant =
        !entry.status().ended()
            && vacancy.departedUser().equals(role.holderOf(entry))
            && !departures.holds(entry, role, vacancy.departedUser());
    SuccessionDecision decision = reader.requiredEnum(SuccessorWatch.DECISION);
    String by = caller();
    if (decision == SuccessionDecision.NOT_NEEDED) {
      if (stillVacant) {
        reader.reject(
            SuccessorWatch.DECISION,
            vacancy.departedName()
                + "さんは"
                + entry.departmentName()
                + (role == RegistryRole.SERVICE_MANAGER ? "" : "の所属長")
                + "に戻っていません。後任を指名してください",
            vacancy.departedUser()
                + " is not back in "
                + Departures.groupOf(entry, role)
                + ": name a successor");
        return;
      }
      watch.resolved(id, Vacancy.Resolution.NOT_NEEDED, null, by);
    } else if (decision == SuccessionDecision.NAME) {
      if (!stillVacant) {
        reader.reject(
            SuccessorWatch.DECISION,
            "後任の指名は不要です（本人が戻った、利用が終了した、又は" + role.label() + "がすでに変わっています）。「不要」を選んでください",
            "no successor is needed (the person is back, the entry has ended or the "
                + role
                + " has changed): choose NOT_NEEDED");
        return;
      }
      String successor = reader.requiredText(SuccessorWatch.SUCCESSOR_ID, 64);
      if (successor == null) {
        return;
      }
      User user = directory.user(successor).orElse(null);
      if (user == null) {
        reader.reject(
            SuccessorWatch.SUCCESSOR_ID,
            "ユーザーID「" + successor + "」の職員はいません",
            "there is no user '" + successor + "'");
      } else if (successor.equals(vacancy.departedUser())) {
        reader.reject(
            SuccessorWatch.SUCCESSOR_ID,
            "異動・退職した本人は後任になれません",
            "the person who left cannot succeed herself");
      } else if (!departures.holds(entry, role, successor)) {
        String group = Departures.groupOf(entry, role);
        reader.reject(
            SuccessorWatch.SUCCESSOR_ID,
            role == RegistryRole.SERVICE_MANAGER
                ? successor + " は" + entry.departmentName() + "の職員ではありません"
                : successor + " は" + entry.departmentName() + "の所属長ではありません（外部サービス管理者は所属長が務めます）",
            successor
                + " is not a member of "
                + group
                + (role == RegistryRole.SERVICE_ADMINISTRATOR
                    ? " (the 外部サービス管理者 is the department's 所属長, ruling R-21)"
                    : ""));
      } else {
        succession.nameSuccessor(vacancy, entry, user, by, execution.getProcessInstanceId());
        watch.resolved(id, Vacancy.Resolution.SUCCESSOR_NAMED, successor, by);
      }
    }
    if (reader.errors().isEmpty()) {
      // the next vacancy's task starts with its own proposal
      SuccessorWatch.DECISION.remove(execution);
      SuccessorWatch.SUCCESSOR_ID.remove(execution);
    }
  }

  private String caller() {
    Authentication caller = identityService.getCurrentAuthentication();
    return caller == null ? "(system)" : caller.getUserId();
  }
}
