package jp.lg.externalservice.bench;

import static jp.lg.externalservice.bench.Measure.f1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.administration.TaskListColumns;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Section 3: Tasklist-sized queries. 10,000 open applications (scaled by {@code bench.scale})
 * across ten departments and three routes: 30 % waiting for the applicant, 30 % for the
 * department's double check, 40 % in review (the review process started by the real call activity:
 * 情報政策課's review and, for IMPORTANT and PAID, 情報化企画's). The variables come from real applications
 * filed through the start form and walked to each stage; the others are filed through the real
 * start (as the system, see {@link #open}) and moved to that stage with those variables. Then the
 * Tasklist filters of the roles are listed through {@code /engine-rest/filter/{id}/list} as
 * Tasklist does it (HAL, first page of 15, with the filter's displayed variables) by the people who
 * own them.
 */
final class TasklistQueries {

  record Result(double p95Max, String summary) {}

  /** Ten departments: the two of the demo and eight more, each with an applicant and a 利用責任者. */
  static final List<String[]> DEPARTMENTS =
      List.of(
          new String[] {"kumin", "区民課", "sato", "takahashi"},
          new String[] {"fukushi", "福祉課", "suzuki", "ito"},
          new String[] {"b01", "総務課", "b01staff", "b01officer"},
          new String[] {"b02", "税務課", "b02staff", "b02officer"},
          new String[] {"b03", "保険年金課", "b03staff", "b03officer"},
          new String[] {"b04", "子育て支援課", "b04staff", "b04officer"},
          new String[] {"b05", "環境課", "b05staff", "b05officer"},
          new String[] {"b06", "道路課", "b06staff", "b06officer"},
          new String[] {"b07", "教育総務課", "b07staff", "b07officer"},
          new String[] {"b08", "会計課", "b08staff", "b08officer"});

  static final String[] ROUTES = {"IMPORTANT", "PAID", "FREE"};

  private TasklistQueries() {}

  static Result run(
      ProcessEngine engine,
      PlatformTransactionManager transactions,
      String base,
      Report report,
      String database,
      int applications,
      double scale) {
    long start = System.nanoTime();
    createDepartments(engine.getIdentityService());
    Actors actors = new Actors(engine);
    String definitionId = LifecycleWalk.latest(engine, ApplicationProcess.KEY);
    // templates[department][route][stage]: a real application's variables when filed, then what it
    // gained by stage
    List<List<List<VariableMap>>> templates = new ArrayList<>();
    for (String[] department : DEPARTMENTS) {
      List<List<VariableMap>> byRoute = new ArrayList<>();
      for (String route : ROUTES) {
        byRoute.add(walkTemplate(engine, actors, definitionId, department, route));
      }
      templates.add(byRoute);
    }
    String[] stages = {
      null, ApplicationProcess.Element.DOUBLE_CHECK, ApplicationProcess.Element.REVIEW
    };
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    CommandExecutor commands =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    AtomicInteger next = new AtomicInteger();
    int batch = 20;
    // one thread: a batch is one transaction, and each filing takes the next case number from the
    // counter row (caserecord/CaseNumbers), which a second thread would wait for the whole batch
    Measure.timed(
        1,
        1e9,
        thread -> {
          int from = next.getAndAdd(batch);
          if (from >= applications) {
            throw new Done();
          }
          transaction.executeWithoutResult(
              status -> {
                for (int i = from; i < Math.min(applications, from + batch); i++) {
                  int department = i % DEPARTMENTS.size();
                  int route = (i / DEPARTMENTS.size()) % ROUTES.length;
                  int slot = (i / 30) % 10;
                  int stage = slot < 3 ? 0 : slot < 6 ? 1 : 2;
                  String serviceName = ROUTES[route] + " サービス " + i;
                  // one engine command for filing and moving: the calls inside share its entity
                  // cache, so the moves do
                  // not read the new instance's variables back from the database (a query that
                  // scans on H2)
                  commands.execute(
                      commandContext -> {
                        String id =
                            open(
                                engine,
                                definitionId,
                                DEPARTMENTS.get(department)[2],
                                ROUTES[route],
                                serviceName);
                        if (stage > 0) {
                          moveTo(
                              engine,
                              id,
                              firstTask(ROUTES[route]),
                              stages[stage],
                              templates.get(department).get(route).get(stage));
                        }
                        return null;
                      });
                }
              });
        },
        Done.class);
    // every tenth open task is overdue, so that 許可権限者's 期限切れのタスク has cases to show
    Date yesterday = new Date(System.currentTimeMillis() - 86_400_000L);
    List<Task> all = engine.getTaskService().createTaskQuery().orderByTaskId().asc().list();
    for (int i = 0; i < all.size(); i += 10) {
      Task task = all.get(i);
      task.setDueDate(yesterday);
      engine.getTaskService().saveTask(task);
    }
    double creation = (System.nanoTime() - start) / 1e9;
    long openTasks = engine.getTaskService().createTaskQuery().count();
    report.line(
        applications
            + " open applications created in "
            + f1(creation)
            + " s ("
            + database
            + "); open tasks: "
            + openTasks
            + ", of which 情報政策課 "
            + engine
                .getTaskService()
                .createTaskQuery()
                .taskCandidateGroup("policy-reviewer")
                .count()
            + ", 情報化企画 "
            + engine.getTaskService().createTaskQuery().taskCandidateGroup("it-planning").count()
            + ", 区民課 利用責任者 "
            + engine
                .getTaskService()
                .createTaskQuery()
                .taskCandidateGroup("security-officer-kumin")
                .count()
            + ".");

    Http http = new Http(base);
    String[][] filters = {
      {"情報政策課：受付・審査待ち", "yamamoto"},
      {"情報化企画：審査待ち", "kimura"},
      {"グループのタスク", "takahashi"},
      {"自分のタスク", "sato"},
      {"期限切れのタスク", "kobayashi"}
    };
    // the columns every task card shows (the 代理 column only on a deputy's task)
    int columns = TaskListColumns.FILTER_COLUMNS.size() - 1;
    String body =
        "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    int samples = (int) Math.max(40, 200 * Math.min(1, scale));
    double worst = 0;
    report.line("");
    report.line(
        "| filter (user) | tasks visible | variables shown | requests | list p50 (ms) | list p95 (ms) "
            + "| list p99 (ms) | count p95 (ms) |");
    report.line("|---|---|---|---|---|---|---|---|");
    StringBuilder summary = new StringBuilder();
    for (String[] filter : filters) {
      String id =
          engine
              .getFilterService()
              .createFilterQuery()
              .filterName(filter[0])
              .singleResult()
              .getId();
      String user = filter[1];
      JsonNode page =
          Http.ok(
                  http.post(
                      "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15",
                      user,
                      body,
                      "application/hal+json"),
                  "filter")
              .json();
      JsonNode tasks = page.path("_embedded").path("task");
      int shown = tasks.size() == 0 ? 0 : tasks.get(0).path("_embedded").path("variable").size();
      long visible =
          Http.ok(http.post("/engine-rest/filter/" + id + "/count", user, body), "count")
              .json()
              .get("count")
              .asLong();
      for (int i = 0; i < 3; i++) {
        http.post(
            "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15",
            user,
            body,
            "application/hal+json");
      }
      long[] list = new long[samples];
      long[] count = new long[samples];
      int done = 0;
      long budget = System.nanoTime() + (long) (Math.max(20, 60 * scale) * 1e9);
      while (done < samples && System.nanoTime() < budget) {
        long t0 = System.nanoTime();
        Http.ok(
            http.post(
                "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15",
                user,
                body,
                "application/hal+json"),
            "filter");
        long t1 = System.nanoTime();
        Http.ok(http.post("/engine-rest/filter/" + id + "/count", user, body), "count");
        list[done] = t1 - t0;
        count[done++] = System.nanoTime() - t1;
      }
      list = java.util.Arrays.copyOf(list, done);
      count = java.util.Arrays.copyOf(count, done);
      double p95 = Measure.percentileMillis(list, 95);
      double countP95 = Measure.percentileMillis(count, 95);
      worst = Math.max(worst, Math.max(p95, countP95));
      report.line(
          "| "
              + filter[0]
              + " ("
              + user
              + ") | "
              + visible
              + " | "
              + (visible == 0 ? "—" : shown + " of " + columns)
              + " | "
              + done
              + " | "
              + f1(Measure.percentileMillis(list, 50))
              + " | "
              + f1(p95)
              + " | "
              + f1(Measure.percentileMillis(list, 99))
              + " | "
              + f1(countP95)
              + " |");
      summary.append(summary.length() > 0 ? ", " : "").append(user).append(' ').append(f1(p95));
    }
    report.line("");
    report.line(
        "Each filter: up to "
            + samples
            + " sequential list requests (at most "
            + f1(Math.max(20, 60 * scale))
            + " s per filter) (HAL, first 15, the filter's columns embedded: the task-local "
            + "受付番号, サービス名, 部署 and ルート of TaskListColumns) each followed by its count, "
            + "after 3 unmeasured ones.");
    return new Result(worst, summary.toString());
  }

  /** The start form's answers of an application of {@code applicant} that takes {@code route}. */
  private static ApplicationAnswers answers(String applicant, String route) {
    ApplicationAnswers answers = ApplicationAnswers.kintone().with("serviceManager", applicant);
    switch (route) {
      case "IMPORTANT" -> answers.informationTypes("PERSONAL");
      case "PAID" -> {}
      default -> answers.paid(false);
    }
    return answers;
  }

  /** The applicant's first task on {@code route}. */
  private static String firstTask(String route) {
    return route.equals("IMPORTANT")
        ? ApplicationProcess.Element.CHECK_SELECTION_CRITERIA
        : ApplicationProcess.Element.ACCEPT_RISKS;
  }

  /**
   * Files an application through the real start, as the system: no one is signed in, so the
   * submission listener takes the applicant from the initiator variable, validates the answers,
   * opens the case record (issue 12: the assignees, candidate groups and gateways read it; an
   * instance started at a later activity has none) and grants the applicant's read access; the
   * classification then records the route. Chosen over writing case records for instances started
   * at a later activity, which would need the instance's id before the instance exists (its first
   * task's assignee already reads the record) and a second writer of the record beside the server's
   * own. Filed and moved in one engine command, the set-up stays near the speed of the positioned
   * starts (2,000 applications in 34–90 s on H2 and 50 s on PostgreSQL with {@code
   * -Dbench.scale=0.2}, by the machine's load; 10,000 took 126 s before); nothing measured changes.
   */
  private static String open(
      ProcessEngine engine,
      String definitionId,
      String applicant,
      String route,
      String serviceName) {
    Map<String, Object> variables =
        answers(applicant, route).with("serviceName", serviceName).variables();
    CaseVariables.APPLICANT.put(variables, applicant);
    String id =
        engine.getRuntimeService().startProcessInstanceById(definitionId, variables).getId();
    // the application form, filed; the new task is still only in the command's entity cache (the
    // caller runs filing and moving in one command), where a task query would not find it
    TaskEntity form =
        Context.getCommandContext()
            .getDbEntityManager()
            .getCachedEntitiesByType(TaskEntity.class)
            .stream()
            .filter(
                task ->
                    id.equals(task.getProcessInstanceId())
                        && ApplicationProcess.Element.FILL_IN_APPLICATION.equals(
                            task.getTaskDefinitionKey()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no application form for " + id));
    engine.getTaskService().complete(form.getId(), variables);
    return id;
  }

  /**
   * Moves a filed application from the applicant's first task to {@code stage} (the double check or
   * the review call activity): first the variables a real application gained on its way there
   * ({@code changes}: the answers of its tasks and what their listeners derived), then one
   * modification that cancels the first task (its end listener ignores a cancellation) and starts
   * the stage with every listener, so the review is prepared from the case record as at a real
   * double check.
   */
  private static void moveTo(
      ProcessEngine engine, String id, String firstTask, String stage, VariableMap changes) {
    engine.getRuntimeService().setVariables(id, changes);
    engine
        .getRuntimeService()
        .createProcessInstanceModification(id)
        .cancelAllForActivity(firstTask)
        .startBeforeActivity(stage)
        .execute();
  }

  /** The variables of {@code stage} that are new or different from those of {@code filed}. */
  private static VariableMap changes(VariableMap filed, VariableMap stage) {
    VariableMap changes = Variables.createVariables();
    for (String name : stage.keySet()) {
      TypedValue now = stage.getValueTyped(name);
      TypedValue before = filed.getValueTyped(name);
      if (before == null
          || !before.getType().equals(now.getType())
          || !String.valueOf(before.getValue()).equals(String.valueOf(now.getValue()))) {
        changes.putValueTyped(name, now);
      }
    }
    return changes;
  }

  /**
   * Files a real application and walks it to the review: its variables when filed, and the
   * variables it gained by the time it waits for the double check and for the review.
   */
  private static List<VariableMap> walkTemplate(
      ProcessEngine engine, Actors actors, String definitionId, String[] department, String route) {
    ApplicationAnswers answers = answers(department[2], route);
    Map<String, Object> first =
        route.equals("IMPORTANT")
            ? TaskAnswers.allCriteriaMet()
            : TaskAnswers.risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS);
    String id =
        actors
            .as(
                department[2],
                () -> engine.getFormService().submitStartForm(definitionId, answers.variables()))
            .getId();
    actors.complete(
        id,
        ApplicationProcess.Element.FILL_IN_APPLICATION,
        department[2],
        answers.variables(),
        true);
    if (!route.equals(engine.getRuntimeService().getVariable(id, "route"))) {
      throw new IllegalStateException(
          "template for "
              + route
              + " took the route "
              + engine.getRuntimeService().getVariable(id, "route"));
    }
    List<VariableMap> stages = new ArrayList<>();
    stages.add(engine.getRuntimeService().getVariablesTyped(id, false));
    actors.complete(id, firstTask(route), department[2], first, true);
    actors.complete(
        id,
        ApplicationProcess.Element.SELF_CHECK_MEASURES,
        department[2],
        TaskAnswers.measuresAllMet(),
        true);
    stages.add(engine.getRuntimeService().getVariablesTyped(id, false));
    Map<String, Object> check = new HashMap<>(TaskAnswers.doubleCheck("FORWARD", null));
    check.put("doubleCheckedBy", department[3]);
    check.put("doubleCheckDecision", "FORWARD");
    VariableMap review = engine.getRuntimeService().getVariablesTyped(id, false);
    review.putAll(check);
    stages.add(review);
    engine.getRuntimeService().deleteProcessInstance(id, "benchmark template");
    // what a filed application (open) lacks at each stage
    return List.of(
        stages.get(0),
        changes(stages.get(0), stages.get(1)),
        changes(stages.get(0), stages.get(2)));
  }

  private static void createDepartments(IdentityService identity) {
    for (String[] department : DEPARTMENTS.subList(2, DEPARTMENTS.size())) {
      group(identity, "dept-" + department[0], department[1], "department");
      group(identity, "security-officer-" + department[0], department[1] + " 利用責任者", "role");
      group(identity, "unit-head-" + department[0], department[1] + "長", "role");
      user(identity, department[2], department[1], "職員", "dept-" + department[0]);
      user(
          identity,
          department[3],
          department[1],
          "利用責任者",
          "dept-" + department[0],
          "security-officer-" + department[0]);
    }
  }

  private static void group(IdentityService identity, String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private static void user(
      IdentityService identity, String id, String lastName, String firstName, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setLastName(lastName);
      user.setFirstName(firstName);
      user.setPassword(id);
      identity.saveUser(user);
      identity.createMembership(id, "staff");
      for (String group : groups) {
        identity.createMembership(id, group);
      }
    }
  }

  /** Ends the creation loop once every application is started. */
  static final class Done extends RuntimeException {
    Done() {
      super(null, null, false, false);
    }
  }
}
