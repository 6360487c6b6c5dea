package jp.lg.externalservice.attachment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.lg.externalservice.attachment.AttachmentService.AttachmentInfo;
import jp.lg.externalservice.system.ErrorResponse;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attachments for the task forms, used by the 添付ファイル tab of Tasklist ({@code
 * tasklist/custom/attachments.js}): {@code POST/GET /api/tasks/{taskId}/attachments} and {@code GET
 * /api/attachments/{id}/content}.
 */
@RestController
public class AttachmentController {

  private final AttachmentService attachments;

  public AttachmentController(AttachmentService attachments) {
    this.attachments = attachments;
  }

  @PostMapping(
      path = "/api/tasks/{taskId}/attachments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<AttachmentInfo> upload(
      @PathVariable String taskId,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "description", required = false) String description)
      throws IOException {
    AttachmentInfo stored =
        attachments.upload(
            taskId,
            file == null ? null : file.getOriginalFilename(),
            file == null ? null : file.getBytes(),
            description);
    return ResponseEntity.status(HttpStatus.CREATED).body(stored);
  }

  @GetMapping("/api/tasks/{taskId}/attachments")
  public List<AttachmentInfo> list(@PathVariable String taskId) {
    return attachments.ofTask(taskId);
  }

  @GetMapping("/api/attachments/{id}/content")
  public ResponseEntity<Object> content(@PathVariable String id) {
    return attachments
        .download(id)
        .<ResponseEntity<Object>>map(
            download ->
                ResponseEntity.ok()
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                            .filename(download.name(), StandardCharsets.UTF_8)
                            .build()
                            .toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .contentType(MediaType.parseMediaType(download.type()))
                    .body(new InputStreamResource(download.content())))
        .orElseGet(() -> notFound(id));
  }

  @ExceptionHandler(AttachmentService.NotFound.class)
  public ResponseEntity<Object> taskNotFound(AttachmentService.NotFound e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(new ErrorResponse("タスクが見つかりません", "task not found", List.of()));
  }

  private static ResponseEntity<Object> notFound(String id) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(new ErrorResponse("添付ファイルが見つかりません", "attachment not found", List.of()));
  }
}
