package jp.lg.externalservice.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Timing helpers: throughput of a unit of work on n threads for a fixed time, latencies and their
 * percentiles.
 */
final class Measure {

  private Measure() {}

  /** What a timed run produced: units per second and the latency of every unit (nanoseconds). */
  record Run(long units, double seconds, long[] latenciesNanos) {
    double perSecond() {
      return units / seconds;
    }

    double percentileMillis(double p) {
      return Measure.percentileMillis(latenciesNanos, p);
    }
  }

  /**
   * Runs {@code unit} (given the thread number) on {@code threads} threads until {@code seconds}
   * have passed; units in flight at the deadline are finished and counted. The first failure stops
   * the run and is rethrown.
   */
  static Run timed(int threads, double seconds, IntConsumer unit) {
    return timed(threads, seconds, unit, null);
  }

  /**
   * As {@link #timed(int, double, IntConsumer)}; a thread whose unit throws {@code stop} ends
   * without failure.
   */
  static Run timed(
      int threads, double seconds, IntConsumer unit, Class<? extends RuntimeException> stop) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong units = new AtomicLong();
    ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      workers.add(
          new Thread(
              () -> {
                long[] own = new long[1024];
                int n = 0;
                try {
                  while (System.nanoTime() < deadline && failure.get() == null) {
                    long begin = System.nanoTime();
                    unit.accept(thread);
                    if (n == own.length) {
                      own = Arrays.copyOf(own, n * 2);
                    }
                    own[n++] = System.nanoTime() - begin;
                    units.incrementAndGet();
                  }
                } catch (Throwable e) {
                  if (stop == null || !stop.isInstance(e)) {
                    failure.compareAndSet(null, e);
                  }
                }
                latencies.add(Arrays.copyOf(own, n));
              },
              "bench-" + t));
    }
    workers.forEach(Thread::start);
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (failure.get() != null) {
      throw new IllegalStateException("benchmark unit failed: " + failure.get(), failure.get());
    }
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Run(units.get(), elapsed, all);
  }

  /**
   * Percentile (0–100) of sorted or unsorted nanosecond latencies, in milliseconds (nearest rank).
   */
  static double percentileMillis(long[] nanos, double p) {
    if (nanos.length == 0) {
      return Double.NaN;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  static String f1(double value) {
    return String.format(java.util.Locale.ROOT, "%.1f", value);
  }

  static String f2(double value) {
    return String.format(java.util.Locale.ROOT, "%.2f", value);
  }
}
