package jp.lg.externalservice.attachment;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Evidence attached to a case (002 §5(1)④⑤ screenshots of the terms and of the sign-up, 002 §7(1)④⑤
 * the disposal proof): uploaded in a task, stored with the case (the root process instance, in the
 * engine's attachment tables, kept and removed with the case's history, ruling R-18), visible to
 * everyone who works on or may read the case. Only PDF and images, up to a configurable size,
 * checked by content as well as by name.
 */
@Service
public class AttachmentService {

  /** Allowed types: file extension → media type and the bytes the content must start with. */
  private static final Map<String, Type> TYPES =
      Map.of(
          "pdf", new Type("application/pdf", new byte[] {'%', 'P', 'D', 'F'}),
          "png", new Type("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
          "jpg", new Type("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
          "jpeg", new Type("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
          "gif", new Type("image/gif", new byte[] {'G', 'I', 'F', '8'}));

  record Type(String mediaType, byte[] magic) {}

  /** What a user sees of an attachment. */
  public record AttachmentInfo(
      String id, String name, String type, String description, java.util.Date createdAt) {}

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final DepartmentDirectory directory;
  private final Privileged privileged;
  private final long maxSize;

  public AttachmentService(
      TaskService taskService,
      RuntimeService runtimeService,
      HistoryService historyService,
      IdentityService identityService,
      DepartmentDirectory directory,
      Privileged privileged,
      @Value("${external-service.attachments.max-size:10MB}") DataSize maxSize) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.directory = directory;
    this.privileged = privileged;
    this.maxSize = maxSize.toBytes();
  }

  public long maxSize() {
    return maxSize;
  }

  /** Stores a file for the case of a task the caller may see. */
  public AttachmentInfo upload(String taskId, String fileName, byte[] content, String description) {
    Task task = visibleTask(taskId).orElseThrow(() -> new NotFound(taskId));
    List<FieldError> errors = new ArrayList<>();
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    String extension =
        name.contains(".")
            ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
            : "";
    Type type = TYPES.get(extension);
    if (content == null || content.length == 0) {
      errors.add(new FieldError("file", "ファイルを選んでください", "choose a file"));
    } else if (content.length > maxSize) {
      errors.add(
          new FieldError(
              "file",
              "ファイルが大きすぎます（上限 " + DataSize.ofBytes(maxSize).toMegabytes() + " MB）",
              "the file is larger than " + DataSize.ofBytes(maxSize).toMegabytes() + " MB"));
    } else if (type == null) {
      errors.add(
          new FieldError(
              "file", "添付できるのは PDF・PNG・JPEG・GIF だけです", "only PDF, PNG, JPEG and GIF files"));
    } else if (!startsWith(content, type.magic())) {
      errors.add(
          new FieldError(
              "file",
              "ファイルの内容が拡張子（." + extension + "）と一致しません",
              "the content does not match the extension ." + extension));
    }
    if (name.length() > 200) {
      errors.add(
          new FieldError(
              "file", "ファイル名は 200 文字以内にしてください", "the file name is longer than 200 characters"));
    }
    String text = description == null ? "" : description.strip();
    if (text.length() > 500) {
      errors.add(
          new FieldError("description", "説明は 500 文字以内で入力してください", "must be at most 500 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InputValidationException(errors);
    }
    String caseId = rootOf(task.getProcessInstanceId());
    String uploader = directory.displayName(identityService.getCurrentAuthentication().getUserId());
    String label = "〔" + uploader + "・" + task.getName() + "〕" + (text.isEmpty() ? "" : " " + text);
    String storedName = name;
    Attachment stored =
        privileged.call(
            () ->
                taskService.createAttachment(
                    type.mediaType(),
                    null,
                    caseId,
                    storedName,
                    label,
                    new ByteArrayInputStream(content)));
    return info(stored);
  }

  /** The attachments of the case of a task the caller may see. */
  public List<AttachmentInfo> ofTask(String taskId) {
    Task task = visibleTask(taskId).orElseThrow(() -> new NotFound(taskId));
    String caseId = rootOf(task.getProcessInstanceId());
    return privileged.call(() -> taskService.getProcessInstanceAttachments(caseId)).stream()
        .sorted(java.util.Comparator.comparing(Attachment::getCreateTime))
        .map(AttachmentService::info)
        .toList();
  }

  /**
   * The content, if the caller works on the case (any visible task of it) or may read the case's
   * history.
   */
  public Optional<Download> download(String attachmentId) {
    Attachment attachment = privileged.call(() -> taskService.getAttachment(attachmentId));
    if (attachment == null || !mayRead(attachment.getProcessInstanceId())) {
      return Optional.empty();
    }
    InputStream content = privileged.call(() -> taskService.getAttachmentContent(attachmentId));
    return Optional.of(new Download(attachment.getName(), attachment.getType(), content));
  }

  public record Download(String name, String type, InputStream content) {}

  /** The task does not exist or the caller may not see it. */
  public static class NotFound extends RuntimeException {
    NotFound(String id) {
      super("not found: " + id);
    }
  }

  private Optional<Task> visibleTask(String taskId) {
    return Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).singleResult());
  }

  private boolean mayRead(String caseId) {
    if (historyService.createHistoricProcessInstanceQuery().processInstanceId(caseId).count() > 0) {
      return true;
    }
    List<String> tree =
        privileged
            .call(
                () ->
                    historyService
                        .createHistoricProcessInstanceQuery()
                        .rootProcessInstanceId(caseId)
                        .list())
            .stream()
            .map(h -> h.getId())
            .toList();
    return !tree.isEmpty()
        && taskService.createTaskQuery().processInstanceIdIn(tree.toArray(String[]::new)).count()
            > 0;
  }

  private String rootOf(String processInstanceId) {
    ProcessInstance instance =
        privileged.call(
            () ->
                runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceId(processInstanceId)
                    .singleResult());
    return instance.getRootProcessInstanceId();
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static AttachmentInfo info(Attachment attachment) {
    return new AttachmentInfo(
        attachment.getId(),
        attachment.getName(),
        attachment.getType(),
        attachment.getDescription(),
        attachment.getCreateTime());
  }
}
