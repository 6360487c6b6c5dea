package jp.lg.externalservice.application;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.system.ErrorResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/tasks/{taskId}/draft}: saves the application form as a draft. */
@RestController
public class DraftController {

  private final ApplicationDrafts drafts;

  DraftController(ApplicationDrafts drafts) {
    this.drafts = drafts;
  }

  @PutMapping(
      path = "/api/tasks/{taskId}/draft",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Instant> save(@PathVariable String taskId, @RequestBody JsonNode data) {
    return Map.of("savedAt", drafts.save(taskId, data));
  }

  @ExceptionHandler(ApplicationDrafts.NotADraft.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public ErrorResponse notADraft(ApplicationDrafts.NotADraft e) {
    return new ErrorResponse(
        "下書きを保存できる申請書ではありません", "not an open application form of yours", List.of());
  }
}
