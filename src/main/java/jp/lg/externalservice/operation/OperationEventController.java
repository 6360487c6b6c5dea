package jp.lg.externalservice.operation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.externalservice.caserecord.CaseMessages;
import jp.lg.externalservice.registry.RegistryAccess;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.StaffGroups;
import jp.lg.externalservice.system.AccessDeniedException;
import jp.lg.externalservice.system.ErrorResponse;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputReader;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/services/{id}/events}: reports an event during operation to the service's
 * running operation — data found overseas (002 §6(2)), a change of the provider's terms (002
 * §6(1)), an incident at another organisation (002 §6(7)). Only those who answer for the service
 * report (issue #12, "Events"): its サービス管理担当者, the department's 所属長 (its 外部サービス管理者, ruling R-21)
 * and 情報政策課; the registry records the reporter as the actor.
 */
@RestController
public class OperationEventController {

  /** The events and the message each sends to the operation. */
  public enum EventType {
    OVERSEAS_DATA(OperationProcess.MESSAGE_OVERSEAS_DATA_FOUND),
    TERMS_CHANGED(OperationProcess.MESSAGE_PROVIDER_TERMS_CHANGED),
    INCIDENT_ELSEWHERE(OperationProcess.MESSAGE_INCIDENT_ELSEWHERE);

    private final String message;

    EventType(String message) {
      this.message = message;
    }
  }

  /** 情報政策課 may report on any service. */
  private static final Set<String> POLICY_GROUPS =
      Set.of(StaffGroups.POLICY_REVIEWER, StaffGroups.POLICY_HEAD);

  private final RegistryService registry;
  private final RegistryAccess access;
  private final CaseMessages messages;
  private final IdentityService identityService;

  public OperationEventController(
      RegistryService registry,
      RegistryAccess access,
      CaseMessages messages,
      IdentityService identityService) {
    this.registry = registry;
    this.access = access;
    this.messages = messages;
    this.identityService = identityService;
  }

  @PostMapping(
      path = "/api/services/{id}/events",
      consumes = "application/json",
      produces = "application/json")
  public ResponseEntity<Object> report(@PathVariable String id, @RequestBody JsonNode body) {
    RegistryEntry entry =
        registry.find(id).filter(found -> access.current().allows(found)).orElse(null);
    if (entry == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(
              new ErrorResponse(
                  "台帳番号「" + id + "」は見つかりません", "no registry entry '" + id + "'", List.of()));
    }
    if (!mayReport(entry)) {
      throw new AccessDeniedException(
          "事象を報告できるのは、このサービスのサービス管理担当者、所属長又は情報政策課です",
          "only the service manager of this service, the department's unit head or the information policy division"
              + " may report events");
    }
    InputReader reader = new InputReader(body);
    EventType type = reader.requiredEnum("type", EventType.class);
    String description = reader.requiredText("description", InputReader.MAX_TEXT);
    reader.throwIfInvalid();
    Map<String, Object> variables =
        type == EventType.OVERSEAS_DATA
            ? Map.of(
                OperationProcess.Variables.EVENT_DESCRIPTION.name(),
                description,
                OperationProcess.Variables.STOP_REASON.name(),
                "国外のサーバ・ネットワークでの保存又は経由が判明したため（002 §6(2)）: " + description)
            : Map.of(OperationProcess.Variables.EVENT_DESCRIPTION.name(), description);
    if (!messages.toOperation(entry.id(), type.message, variables)) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(
              new ErrorResponse(
                  "この台帳のサービスは運用中ではありません（状態: " + entry.status().label() + "）",
                  "the service is not in operation",
                  List.of(new FieldError("id", "運用中ではありません", "not in operation"))));
    }
    return ResponseEntity.accepted()
        .body(
            Map.of(
                "registryEntryId", entry.id(), "type", type.name(), "message", "運用中のサービスに通知しました"));
  }

  /**
   * The caller, authenticated by the API filter: the entry's service manager, its 所属長, or 情報政策課.
   */
  private boolean mayReport(RegistryEntry entry) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return false;
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return caller.getUserId().equals(entry.serviceManager())
        || groups.contains(new Department(entry.departmentCode(), null).unitHeadGroupId())
        || groups.stream().anyMatch(POLICY_GROUPS::contains);
  }
}
