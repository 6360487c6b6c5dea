package jp.lg.externalservice.directory;

import jp.lg.externalservice.security.StandIns;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The directory's beans, only when {@code external-service.directory.enabled}: otherwise nothing
 * here exists and the engine's own users and passwords stay as they are. The synchronisation runs
 * when the application is ready (the engine is up) and on {@code sync-cron}, on every node: the
 * lock row of {@code directory_sync} lets them take turns.
 */
@Configuration
@EnableConfigurationProperties(DirectorySettings.class)
class DirectoryConfiguration {

  @Configuration
  @EnableScheduling
  @ConditionalOnProperty(
      prefix = "external-service.directory",
      name = "enabled",
      havingValue = "true")
  static class Connected {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryConfiguration.class);

    @Bean
    DirectoryConnections directoryConnections(DirectorySettings settings) {
      return new DirectoryConnections(settings);
    }

    @Bean
    DirectoryReader directoryReader(DirectorySettings settings, DirectoryConnections connections) {
      return new DirectoryReader(settings, connections);
    }

    @Bean
    LdapPasswords directoryPasswords(
        DirectorySettings settings, DirectoryReader reader, DirectoryConnections connections) {
      return new LdapPasswords(settings, reader, connections);
    }

    @Bean
    DirectorySync directorySync(
        DirectorySettings settings,
        DirectoryReader reader,
        StaffDirectory table,
        IdentityService identityService,
        TaskService taskService,
        PlatformTransactionManager transactionManager,
        ApplicationEventPublisher events,
        ProcessEngine engine,
        StandIns standIns) {
      return new DirectorySync(
          settings,
          reader,
          table,
          identityService,
          taskService,
          transactionManager,
          events,
          engine.getProcessEngineConfiguration(),
          standIns);
    }

    @Bean
    Schedule directorySchedule(DirectorySync sync) {
      return new Schedule(sync);
    }
  }

  /** Runs the synchronisation at start and on the schedule. */
  static class Schedule {

    private final DirectorySync sync;

    Schedule(DirectorySync sync) {
      this.sync = sync;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
      scheduled(); // a failure is logged: the application starts, the local users can log in
    }

    @Scheduled(cron = "${external-service.directory.sync-cron:0 0 * * * *}", zone = "Asia/Tokyo")
    void scheduled() {
      try {
        sync.sync();
      } catch (RuntimeException e) {
        // the next run tries again; a failed run changed nothing (one transaction)
        Connected.LOG.error("directory synchronisation failed", e);
      }
    }
  }
}
