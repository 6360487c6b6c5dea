package jp.lg.externalservice.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.lg.externalservice.system.ErrorResponse;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.FormFields;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a signed-in user may change through the engine REST API, on both of its paths: {@code
 * /engine-rest} (HTTP Basic) and the webapps' {@code /camunda/api/engine} (Tasklist, Cockpit).
 * Reading is left to the engine's authorizations. Changing is refused unless the operation is on
 * the short list below — deny by default, so a new endpoint of a later Camunda version is closed
 * until someone opens it here:
 *
 * <ul>
 *   <li>queries sent as POST (task, filter, process-instance, history …);
 *   <li>claiming a task for oneself, giving it back, commenting on it (bounded, on its own case);
 *       handing a task addressed to groups to another member who may take it ({@link
 *       TaskAssignments});
 *   <li>completing a task or starting a process with exactly the fields of its own Camunda Form
 *       ({@link SubmittedVariables}): no fact such as {@code applicant}, {@code departmentCode} or
 *       {@code route}, no business key, no start at an inner activity, no serialized Java object.
 * </ul>
 *
 * Variable writes outside a completion, process-instance modification, messages and signals,
 * identity links, task updates, jobs and identities are the system's and administrators'.
 * Administrators pass (they manage the system; the facts they could touch live in the case record,
 * not in variables), except that the engine's own attachment endpoints are closed to everyone —
 * {@code /api/tasks/{id}/attachments} applies the attachment rules — and that no one stores a
 * variable of a type the forms never use.
 */
public class EngineRestGuard extends OncePerRequestFilter {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /**
   * {@code /engine-rest}, {@code /engine-rest/engine/default}, {@code
   * /camunda/api/engine/engine/default}.
   */
  private static final Pattern PREFIX =
      Pattern.compile(
          "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)?$");

  private static final String ID = "[^/]+";

  /** Queries that are sent as POST: they change nothing. */
  private static final List<Pattern> QUERIES =
      patterns(
          "/task(/count)?",
          "/filter/" + ID + "/(list|count|singleResult)",
          "/process-instance(/count)?",
          "/variable-instance(/count)?",
          "/execution(/count)?",
          "/job(/count)?",
          "/external-task(/count)?",
          "/history/(process-instance|activity-instance|task|variable-instance|detail|decision-instance|user-operation"
              + "|incident|identity-link-log|job-log|external-task-log)(/count)?");

  private static final Pattern CLAIM = Pattern.compile("/task/(" + ID + ")/claim");
  private static final Pattern HAND_OVER = Pattern.compile("/task/(" + ID + ")/assignee");

  /** Fields of a claim or hand-over, which no form shows. */
  private static final Set<String> ASSIGNMENT_FIELDS = Set.of("assignee", "userId");

  private static final List<Pattern> TASK_WORK = patterns("/task/" + ID + "/unclaim");
  private static final Pattern COMMENT = Pattern.compile("/task/(" + ID + ")/comment/create");

  /** The longest comment on a task, as the longest text answer of a form. */
  static final int MAX_COMMENT = InputReader.MAX_TEXT;

  private static final Pattern COMPLETE =
      Pattern.compile("/task/(" + ID + ")/(submit-form|complete|resolve)");
  private static final Pattern START =
      Pattern.compile(
          "/process-definition/(?:key/("
              + ID
              + ")(?:/tenant-id/("
              + ID
              + "))?|("
              + ID
              + "))/(submit-form|start)");
  private static final Pattern ATTACHMENT = Pattern.compile("/task/" + ID + "/attachment(/.*)?");

  /** Binary and serialized values: the forms never use them. */
  private static final Pattern VARIABLE_DATA =
      Pattern.compile(".*/(variables|localVariables)/" + ID + "/data");

  private final ProcessEngine engine;
  private final Privileged privileged;
  private final Administrators administrators;
  private final TaskAssignments assignmentGuard;

  /**
   * The request limit of the application ({@code RequestSizeLimitFilter} enforces it first); the
   * guard reads no more.
   */
  private final int maxBody;

  public EngineRestGuard(
      ProcessEngine engine,
      Privileged privileged,
      Administrators administrators,
      TaskAssignments assignmentGuard,
      int maxBody) {
    this.maxBody = maxBody;
    this.engine = engine;
    this.privileged = privileged;
    this.administrators = administrators;
    this.assignmentGuard = assignmentGuard;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String path = operationPath(request);
    if (READING_METHODS.contains(method) || path == null) {
      chain.doFilter(request, response);
      return;
    }
    if (ATTACHMENT.matcher(path).matches()) {
      refuse(
          response,
          403,
          "添付ファイルは各タスクの「添付ファイル」タブ（/api/tasks/{id}/attachments）から追加してください",
          "attachments are added through /api/tasks/{id}/attachments, which checks size, type and content");
      return;
    }
    if (VARIABLE_DATA.matcher(path).matches()) {
      refuse(
          response,
          403,
          "ファイルやシリアライズされた値は変数として保存できません",
          "binary or serialized variable values are not accepted");
      return;
    }
    Authentication caller = caller(request);
    if (caller == null) {
      refuse(response, 401, "ログインが必要です", "authentication required");
      return;
    }
    boolean administrator = administrators.isAdministrator(caller);
    if (administrator && !isJson(request)) {
      chain.doFilter(request, response); // e.g. a deployment from Camunda Modeler (multipart)
      return;
    }
    CachedBody body = CachedBody.read(request, maxBody);
    if (body == null) {
      refuse(
          response,
          413,
          "リクエストが大きすぎます（上限 " + maxBody / 1024 + " KB）",
          "the request body is larger than " + maxBody / 1024 + " KB");
      return;
    }
    JsonNode json = body.json();
    if (administrator) {
      String type = forbiddenType(json);
      if (type != null) {
        refuseFields(
            response,
            List.of(
                new FieldError(
                    "type",
                    "この型の変数は保存できません: " + type,
                    "variables of type "
                        + type
                        + " are not accepted (string, boolean, number, date, JSON only)")));
        return;
      }
      chain.doFilter(body.request(), response);
      return;
    }
    List<FieldError> errors = check(method, path, json, caller);
    if (errors == null) {
      refuse(
          response,
          403,
          "この操作は管理者だけが行えます: " + method + " " + path,
          "only administrators may do this through the REST API: " + method + " " + path);
    } else if (!errors.isEmpty()) {
      refuseFields(response, errors);
    } else {
      chain.doFilter(body.request(), response);
    }
  }

  /**
   * Null when the operation is not for staff at all (403); the problems of an operation that is
   * (empty: allowed).
   */
  private List<FieldError> check(String method, String path, JsonNode body, Authentication caller) {
    if (!"POST".equals(method)) {
      return null;
    }
    if (matchesAny(QUERIES, path) || matchesAny(TASK_WORK, path)) {
      return List.of();
    }
    Matcher claim = CLAIM.matcher(path);
    if (claim.matches()) {
      String userId = body == null ? null : body.path("userId").asText(null);
      if (!caller.getUserId().equals(userId)) {
        return List.of(
            new FieldError(
                "userId",
                "タスクは自分にだけ割り当てられます（他の人への割当ては管理者が行います）",
                "a task can be claimed for oneself only"));
      }
      FieldError problem = assignmentGuard.problemTaking(claim.group(1), userId);
      return problem == null ? List.of() : List.of(problem);
    }
    Matcher comment = COMMENT.matcher(path);
    if (comment.matches()) {
      return comment(comment.group(1), body);
    }
    Matcher handOver = HAND_OVER.matcher(path);
    if (handOver.matches()) {
      String userId = body == null ? null : body.path("userId").asText(null);
      FieldError problem =
          assignmentGuard.problemHandingOver(handOver.group(1), caller.getUserId(), userId);
      return problem == null ? List.of() : List.of(problem);
    }
    Matcher complete = COMPLETE.matcher(path);
    if (complete.matches()) {
      return submission(
          body, Set.of("variables", "withVariablesInReturn"), taskForm(complete.group(1)));
    }
    Matcher start = START.matcher(path);
    if (start.matches()) {
      FormFields form = startForm(start.group(3), start.group(1), start.group(2));
      if (form == FormFields.NONE) {
        return null; // no start form: a process the system starts (review, SNS, operation), not a
        // person
      }
      return submission(body, Set.of("variables", "withVariablesInReturn"), form);
    }
    return null;
  }

  /**
   * A comment on a task: a bounded message, stored with the task's own case — the engine would
   * otherwise store it with any process instance named in the body, another department's included.
   */
  private List<FieldError> comment(String taskId, JsonNode body) {
    List<FieldError> errors = new ArrayList<>();
    if (body == null || !body.isObject()) {
      return errors; // the engine answers an empty or unreadable body itself
    }
    body.fieldNames()
        .forEachRemaining(
            key -> {
              if (!Set.of("message", "processInstanceId").contains(key)) {
                errors.add(new FieldError(key, "この項目は指定できません", "may not be given"));
              }
            });
    JsonNode message = body.get("message");
    if (message != null && message.isTextual() && message.asText().length() > MAX_COMMENT) {
      errors.add(FieldError.tooLong("message", MAX_COMMENT));
    }
    JsonNode instance = body.get("processInstanceId");
    if (instance != null && !instance.isNull()) {
      Task task =
          privileged.call(
              () -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
      if (task == null || !instance.asText().equals(task.getProcessInstanceId())) {
        errors.add(
            new FieldError(
                "processInstanceId",
                "コメントはこのタスクの案件にだけ書けます",
                "a comment belongs to the task's own case"));
      }
    }
    return errors;
  }

  private static List<FieldError> submission(
      JsonNode body, Set<String> allowedKeys, FormFields form) {
    if (form == null) {
      return List.of(); // no such task or process: the engine answers 404 itself
    }
    if (body == null) {
      return List.of();
    }
    if (!body.isObject()) {
      return List.of(new FieldError("(body)", "JSON オブジェクトで送信してください", "send a JSON object"));
    }
    List<FieldError> errors = new ArrayList<>();
    Iterator<String> keys = body.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!allowedKeys.contains(key)) {
        errors.add(
            new FieldError(
                key, "この項目は指定できません（サーバーが決めます）", "may not be given: the server decides it"));
      }
    }
    errors.addAll(SubmittedVariables.check(body.get("variables"), form));
    return errors;
  }

  /** The fields of the task's form; null when the task does not exist. */
  private FormFields taskForm(String taskId) {
    return privileged.call(
        () -> {
          Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
          if (task == null) {
            return null;
          }
          return fields(engine.getFormService(), true, taskId);
        });
  }

  private FormFields startForm(String definitionId, String key, String tenantId) {
    return privileged.call(
        () -> {
          ProcessDefinition definition;
          if (definitionId != null) {
            definition =
                engine
                    .getRepositoryService()
                    .createProcessDefinitionQuery()
                    .processDefinitionId(definitionId)
                    .singleResult();
          } else {
            var query =
                engine
                    .getRepositoryService()
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(key)
                    .latestVersion();
            definition =
                (tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId))
                    .singleResult();
          }
          return definition == null
              ? null
              : fields(engine.getFormService(), false, definition.getId());
        });
  }

  /**
   * The deployed Camunda Form's fields; a task or start event without one takes no variables at
   * all. (Asked without provoking an engine exception: inside the privileged command it would mark
   * the transaction for rollback.)
   */
  private static FormFields fields(FormService formService, boolean task, String id) {
    FormData form = task ? formService.getTaskFormData(id) : formService.getStartFormData(id);
    if (form == null || form.getCamundaFormRef() == null) {
      return FormFields.NONE;
    }
    try (InputStream deployed =
        task ? formService.getDeployedTaskForm(id) : formService.getDeployedStartForm(id)) {
      return FormFields.read(deployed);
    } catch (IOException unreadable) {
      return FormFields.NONE;
    }
  }

  /**
   * The type of the first variable value in the body that no form uses (Object, Bytes, File, Xml
   * …), or null.
   */
  static String forbiddenType(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      JsonNode type = node.get("type");
      if (type != null
          && type.isTextual()
          && (node.has("value") || node.has("valueInfo"))
          && !SubmittedVariables.TYPES.contains(type.asText().toLowerCase(Locale.ROOT))) {
        return type.asText();
      }
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        String found = forbiddenType(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * The engine REST operation ({@code /task/…}) of a request on either path; null for other paths.
   */
  static String operationPath(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Matcher matcher = PREFIX.matcher(path);
    if (!matcher.matches()) {
      return null;
    }
    String operation = matcher.group(1) == null ? "/" : matcher.group(1);
    while (operation.length() > 1 && operation.endsWith("/")) {
      operation = operation.substring(0, operation.length() - 1);
    }
    return operation.replaceAll("/{2,}", "/");
  }

  private Authentication caller(HttpServletRequest request) {
    Authentication current = engine.getIdentityService().getCurrentAuthentication();
    if (current != null) {
      return current;
    }
    return ApiAuthenticationFilter.fromSession(request, engine);
  }

  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || type.toLowerCase(Locale.ROOT).contains("json");
  }

  private static boolean matchesAny(List<Pattern> patterns, String path) {
    return patterns.stream().anyMatch(pattern -> pattern.matcher(path).matches());
  }

  private static List<Pattern> patterns(String... regexes) {
    return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
  }

  private static void refuseFields(HttpServletResponse response, List<FieldError> errors)
      throws IOException {
    if (errors.size() == 1 && ASSIGNMENT_FIELDS.contains(errors.get(0).field())) {
      // a refused claim or hand-over: Tasklist shows the reason itself, not a field name the user
      // never saw
      FieldError only = errors.get(0);
      write(response, 400, only.message(), only.messageEn(), errors);
      return;
    }
    StringBuilder en = new StringBuilder();
    StringBuilder ja = new StringBuilder();
    for (FieldError error : errors) {
      ja.append(ja.isEmpty() ? "" : " / ")
          .append(error.field())
          .append(": ")
          .append(error.message());
      en.append(en.isEmpty() ? "" : " / ")
          .append(error.field())
          .append(": ")
          .append(error.messageEn());
    }
    write(response, 400, "入力内容に誤りがあります: " + ja, "Invalid input: " + en, errors);
  }

  private static void refuse(
      HttpServletResponse response, int status, String message, String messageEn)
      throws IOException {
    write(response, status, message, messageEn, List.of());
  }

  private static void write(
      HttpServletResponse response,
      int status,
      String message,
      String messageEn,
      List<FieldError> errors)
      throws IOException {
    new ErrorResponse(message, messageEn, errors).writeTo(response, status);
  }

  /**
   * The request body read once (at most {@code maxBody} bytes), parsed if it is JSON, and replayed
   * downstream.
   */
  private record CachedBody(HttpServletRequest request, byte[] bytes) {

    static CachedBody read(HttpServletRequest request, int maxBody) throws IOException {
      if (request.getContentLengthLong() > maxBody) {
        return null;
      }
      byte[] bytes = request.getInputStream().readNBytes(maxBody + 1);
      if (bytes.length > maxBody) {
        return null;
      }
      return new CachedBody(new Replay(request, bytes), bytes);
    }

    JsonNode json() {
      if (bytes.length == 0) {
        return null;
      }
      try {
        return MAPPER.readTree(bytes);
      } catch (IOException notJson) {
        return null; // the engine answers unreadable bodies itself
      }
    }
  }

  private static final class Replay extends HttpServletRequestWrapper {
    private final byte[] bytes;

    Replay(HttpServletRequest request, byte[] bytes) {
      super(request);
      this.bytes = bytes;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return bytes.length;
    }

    @Override
    public long getContentLengthLong() {
      return bytes.length;
    }
  }
}
