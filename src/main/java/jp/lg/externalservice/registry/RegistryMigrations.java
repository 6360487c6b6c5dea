package jp.lg.externalservice.registry;

import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway manages the registry tables ({@code db/migration}); Camunda manages its own. The engine's
 * tables share the schema and may exist before Flyway's first run (a database from an earlier
 * release, or the engine started first), so Flyway baselines a non-empty schema at version 0 and
 * then still applies V1 onwards.
 */
@Configuration(proxyBeanMethods = false)
class RegistryMigrations {

  @Bean
  FlywayConfigurationCustomizer baselineBelowFirstMigration() {
    return configuration -> configuration.baselineOnMigrate(true).baselineVersion("0");
  }
}
