package jp.lg.externalservice.operation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.registry.RegistryAccess;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.system.ErrorResponse;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputReader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/services/{id}/events}: reports an event during operation to the service's running operation —
 * data found overseas (002 §6(2)), a change of the provider's terms (002 §6(1)), an incident at another organisation
 * (002 §6(7)). Anyone who may read the entry may report.
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

  private final RegistryService registry;
  private final RegistryAccess access;
  private final OperationMessages messages;

  public OperationEventController(RegistryService registry, RegistryAccess access, OperationMessages messages) {
    this.registry = registry;
    this.access = access;
    this.messages = messages;
  }

  @PostMapping(path = "/api/services/{id}/events", consumes = "application/json", produces = "application/json")
  public ResponseEntity<Object> report(@PathVariable String id, @RequestBody JsonNode body) {
    RegistryEntry entry = registry.find(id).filter(found -> access.current().allows(found)).orElse(null);
    if (entry == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorResponse(
          "台帳番号「" + id + "」は見つかりません", "no registry entry '" + id + "'", List.of()));
    }
    InputReader reader = new InputReader(body);
    EventType type = reader.requiredEnum("type", EventType.class);
    String description = reader.requiredText("description", 2000);
    reader.throwIfInvalid();
    Map<String, Object> variables = type == EventType.OVERSEAS_DATA
        ? Map.of(OperationProcess.Var.EVENT_DESCRIPTION, description, OperationProcess.Var.STOP_REASON,
            "国外のサーバ・ネットワークでの保存又は経由が判明したため（002 §6(2)）: " + description)
        : Map.of(OperationProcess.Var.EVENT_DESCRIPTION, description);
    if (!messages.toOperation(entry.id(), type.message, variables)) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorResponse(
          "この台帳のサービスは運用中ではありません（状態: " + entry.status().label() + "）",
          "the service is not in operation", List.of(new FieldError("id", "運用中ではありません", "not in operation"))));
    }
    return ResponseEntity.accepted().body(Map.of("registryEntryId", entry.id(), "type", type.name(),
        "message", "運用中のサービスに通知しました"));
  }
}
