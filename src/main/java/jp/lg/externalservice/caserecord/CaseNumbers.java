package jp.lg.externalservice.caserecord;

import java.time.LocalDate;
import jp.lg.externalservice.system.JapanClock;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out case numbers (受付番号) such as {@code R8-0001}: 令和 fiscal year (April to March, as a ward
 * counts its business) and a running number within it. The number is taken inside the filing
 * transaction (the counter row stays locked until it commits, so two nodes wait for each other
 * rather than share a number; a refused filing gives its number back). Only the first filing of a
 * fiscal year would create its counter row, in a transaction of its own, because a failed insert
 * would spoil the filing's transaction on PostgreSQL. That second transaction needs a second
 * connection while the filing holds one: sixteen filings at once on a fresh database or on 1 April
 * took all ten connections of the pool and waited for an eleventh (issue 17, the benchmark). So the
 * rows of this fiscal year and the next are made ahead, at start and every night, when no filing
 * waits.
 */
@Component
public class CaseNumbers implements SmartInitializingSingleton {

  /** 令和元年 = 2019: the 令和 year of a western year is {@code year - 2018}. */
  private static final int REIWA_OFFSET = 2018;

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  CaseNumbers(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void afterSingletonsInstantiated() {
    prepareCounters();
  }

  /** Makes the counter rows of this fiscal year and the next where they are missing. */
  @Scheduled(cron = "0 10 0 * * *", zone = "Asia/Tokyo")
  public void prepareCounters() {
    int thisYear = fiscalYear(JapanClock.today());
    for (int year : new int[] {thisYear, thisYear + 1}) {
      if (jdbc.queryForObject(
              "SELECT COUNT(*) FROM case_number_counter WHERE fiscal_year = :year",
              new MapSqlParameterSource("year", year),
              Integer.class)
          == 0) {
        createCounter(year);
      }
    }
  }

  /** The next number of the current fiscal year. */
  public String next() {
    return next(JapanClock.today());
  }

  String next(LocalDate day) {
    int fiscalYear = fiscalYear(day);
    var year = new MapSqlParameterSource("year", fiscalYear);
    String increment =
        "UPDATE case_number_counter SET last_number = last_number + 1 WHERE fiscal_year = :year";
    if (jdbc.update(increment, year) == 0) {
      createCounter(fiscalYear);
      jdbc.update(increment, year);
    }
    int number =
        jdbc.queryForObject(
            "SELECT last_number FROM case_number_counter WHERE fiscal_year = :year",
            year,
            Integer.class);
    return format(fiscalYear, number);
  }

  private void createCounter(int fiscalYear) {
    try {
      ownTransaction.executeWithoutResult(
          status ->
              jdbc.update(
                  "INSERT INTO case_number_counter (fiscal_year, last_number) VALUES (:year, 0)",
                  new MapSqlParameterSource("year", fiscalYear)));
    } catch (DuplicateKeyException alreadyCreatedByAnotherFiling) {
      // the other filing's row is as good as ours
    }
  }

  /** The fiscal year (年度) of a day: April to March. */
  static int fiscalYear(LocalDate day) {
    return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
  }

  /** {@code R8-0001}; a fiscal year with more than 9,999 cases simply gets a longer number. */
  static String format(int fiscalYear, int number) {
    return "R" + (fiscalYear - REIWA_OFFSET) + "-" + String.format("%04d", number);
  }
}
