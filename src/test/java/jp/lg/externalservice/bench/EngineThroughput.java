package jp.lg.externalservice.bench;

import static jp.lg.externalservice.bench.Measure.f1;
import static jp.lg.externalservice.bench.Measure.f2;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;

/**
 * Section 1: complete lifecycles per second, ours against the bare baseline, in one engine,
 * alternating the two (ABBA order) so that noise on the machine falls on both; the ratio is taken
 * within each round.
 */
final class EngineThroughput {

  record Result(
      double ours1, double base1, double ratio1, double ours4, double base4, double ratio4) {}

  private EngineThroughput() {}

  static Result run(
      ProcessEngine engine,
      DataSource dataSource,
      Report report,
      String database,
      double scale,
      int rounds) {
    Actors actors = new Actors(engine);
    LifecycleWalk ours = new LifecycleWalk(engine, actors);
    RowCounter rows = new RowCounter(dataSource);

    // one checked walk: every instance ended; what it passed sizes the baseline
    ours.walk();
    Map<String, Long> before = rows.counts();
    List<String> instances = ours.walk();
    Map<String, Long> after = rows.counts();
    long running =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceIds(new java.util.HashSet<>(instances))
            .count();
    if (running != 0) {
      throw new IllegalStateException("the lifecycle walk left " + running + " instances running");
    }
    int userTasks = 0;
    int gateways = 0;
    int activities = 0;
    for (String id : instances) {
      for (HistoricActivityInstance activity :
          engine
              .getHistoryService()
              .createHistoricActivityInstanceQuery()
              .processInstanceId(id)
              .list()) {
        activities++;
        if (activity.getActivityType().equals("userTask")) {
          userTasks++;
        } else if (activity.getActivityType().endsWith("Gateway")) {
          gateways++;
        }
      }
    }
    if (userTasks != BaselineWalk.TASKS.size()) {
      throw new IllegalStateException(
          "the lifecycle passed "
              + userTasks
              + " user tasks, the baseline has "
              + BaselineWalk.TASKS.size());
    }
    BaselineWalk baseline = BaselineWalk.deploy(engine, actors, gateways);
    baseline.walk();
    Map<String, Long> beforeBaseline = rows.counts();
    baseline.walk();
    Map<String, Long> afterBaseline = rows.counts();
    report.line(
        "Lifecycle ("
            + database
            + "): "
            + instances.size()
            + " process instances, "
            + activities
            + " activity instances, of which "
            + userTasks
            + " user tasks and "
            + gateways
            + " gateway passes; the baseline has "
            + userTasks
            + " user tasks and "
            + gateways
            + " exclusive gateways.");
    report.line("");
    report.line(
        "Rows one case leaves in the database — ours: "
            + RowCounter.growth(before, after)
            + "; baseline: "
            + RowCounter.growth(beforeBaseline, afterBaseline)
            + ".");
    report.line("");
    report.line(
        "History variables/details per process instance of that case (task-local included): "
            + rows.variablesPerInstance(
                List.of("application", "review", "operation", "termination"), instances)
            + ".");

    double seconds = Math.max(2, 6 * scale);
    // warm-up (the JIT compiler): both, both thread counts
    double warmUp = Math.max(5, 15 * scale);
    Measure.timed(1, warmUp, t -> ours.walk());
    Measure.timed(1, warmUp, t -> baseline.walk());
    Measure.timed(4, warmUp / 2, t -> ours.walk());
    Measure.timed(4, warmUp / 2, t -> baseline.walk());

    ours.stepMillis();
    double[][] values = new double[4][rounds]; // ours1, base1, ours4, base4
    double[] ratio1 = new double[rounds];
    double[] ratio4 = new double[rounds];
    report.line("");
    report.line(
        "| round | threads | ours (cases/s) | baseline (cases/s) | ratio ours ÷ baseline |");
    report.line("|---|---|---|---|---|");
    for (int r = 0; r < rounds; r++) {
      for (int threads : new int[] {1, 4}) {
        int slot = threads == 1 ? 0 : 2;
        boolean oursFirst = (r + slot / 2) % 2 == 0;
        for (int k = 0; k < 2; k++) {
          boolean runOurs = (k == 0) == oursFirst;
          ours.recordSteps = runOurs && threads == 1;
          Measure.Run run =
              runOurs
                  ? Measure.timed(threads, seconds, t -> ours.walk())
                  : Measure.timed(threads, seconds, t -> baseline.walk());
          values[slot + (runOurs ? 0 : 1)][r] = run.perSecond();
        }
        double ratio = values[slot][r] / values[slot + 1][r];
        (threads == 1 ? ratio1 : ratio4)[r] = ratio;
        report.line(
            "| "
                + (r + 1)
                + " | "
                + threads
                + " | "
                + f2(values[slot][r])
                + " | "
                + f2(values[slot + 1][r])
                + " | "
                + f2(ratio)
                + " |");
      }
    }
    ours.recordSteps = false;
    Map<String, Double> steps = ours.stepMillis();
    report.line("");
    report.line(
        "Where a case's time goes (ours, 1 thread, mean ms per step; each step is one API call as the user "
            + "and the task lookup before it): "
            + steps.entrySet().stream()
                .map(e -> e.getKey() + " " + f1(e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "))
            + ".");
    Result result =
        new Result(
            Measure.median(values[0]),
            Measure.median(values[1]),
            Measure.median(ratio1),
            Measure.median(values[2]),
            Measure.median(values[3]),
            Measure.median(ratio4));
    report.line("");
    report.line(
        "Median over "
            + rounds
            + " rounds ("
            + f1(seconds)
            + " s each): 1 thread ours "
            + f2(result.ours1())
            + " cases/s, baseline "
            + f2(result.base1())
            + ", ratio **"
            + f2(result.ratio1())
            + "** (range "
            + f2(Measure.min(ratio1))
            + "–"
            + f2(Measure.max(ratio1))
            + "); 4 threads ours "
            + f2(result.ours4())
            + ", baseline "
            + f2(result.base4())
            + ", ratio **"
            + f2(result.ratio4())
            + "** (range "
            + f2(Measure.min(ratio4))
            + "–"
            + f2(Measure.max(ratio4))
            + ").");
    report.line(
        "Per case: ours "
            + f1(1000 / result.ours1())
            + " ms, baseline "
            + f1(1000 / result.base1())
            + " ms (1 thread).");
    return result;
  }
}
