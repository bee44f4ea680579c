package com.datamingle.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.adapter.cli.bootstrap.archviolation.BootstrapUsesHikari;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.persistence.archviolation.PersistenceUsesJackson;
import com.datamingle.adapter.persistence.archviolation.PersistenceUsesJavalin;
import com.datamingle.adapter.persistence.archviolation.PersistenceUsesMicrometer;
import com.datamingle.adapter.persistence.archviolation.PersistenceUsesMigrator;
import com.datamingle.adapter.web.archviolation.RoutesUseWorkOsClient;
import com.datamingle.adapter.web.archviolation.WebPrints;
import com.datamingle.adapter.web.archviolation.WebUsesDatabaseSettings;
import com.datamingle.adapter.web.archviolation.WebUsesJackson;
import com.datamingle.adapter.web.archviolation.WebUsesJdbc;
import com.datamingle.adapter.web.archviolation.WebUsesJwtOutsideAuth;
import com.datamingle.adapter.web.archviolation.WebUsesMigrations;
import com.datamingle.adapter.web.archviolation.WebUsesPersistence;
import com.datamingle.adapter.web.archviolation.WebUsesPicocli;
import com.datamingle.adapter.web.archviolation.WebUsesService;
import com.datamingle.adapter.web.client.archviolation.ClientUsesRoutes;
import com.datamingle.adapter.web.client.workos.WorkOsEventsClient;
import com.datamingle.adapter.web.user.MeRoutes;
import com.datamingle.application.archviolation.ApplicationUsesPersistence;
import com.datamingle.application.port.archviolation.PortUsesService;
import com.datamingle.archviolation.cycle.a.CycleA;
import com.datamingle.archviolation.cycle.b.CycleB;
import com.datamingle.domain.archviolation.DomainUsesJdbc;
import com.datamingle.domain.archviolation.DomainUsesMyBatis;
import com.datamingle.migrations.archviolation.MigrationsUseDomain;
import com.datamingle.migrations.archviolation.MigrationsUseMyBatisCore;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Checks the layering on the production classes of every module (they reach this classpath as jars
 * under {@code mvn verify}), and proves each rule can fail by checking it against a deliberately
 * bad class from this module's test sources (which the production import excludes).
 */
class ArchitectureTest {
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("com.datamingle");

  private static void holds(ArchRule rule) {
    assertThatCode(() -> rule.check(CLASSES)).doesNotThrowAnyException();
  }

  /** The rule lets these classes pass (it checks none of them: they are where it allows). */
  private static void allows(ArchRule rule, Class<?>... allowed) {
    JavaClasses classes = new ClassFileImporter().importClasses(allowed);
    assertThatCode(() -> rule.allowEmptyShould(true).check(classes)).doesNotThrowAnyException();
  }

  private static void catches(ArchRule rule, Class<?>... bad) {
    JavaClasses violators = new ClassFileImporter().importClasses(bad);
    assertThatThrownBy(() -> rule.check(violators)).isInstanceOf(AssertionError.class);
  }

  @Test
  void importsEveryModule() {
    assertThatCode(
            () -> {
              for (String pkg :
                  new String[] {
                    "com.datamingle.domain",
                    "com.datamingle.application",
                    "com.datamingle.migrations",
                    "com.datamingle.adapter.persistence",
                    "com.datamingle.adapter.web",
                    "com.datamingle.adapter.cli"
                  }) {
                if (CLASSES.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
                  throw new AssertionError("no production class imported from " + pkg);
                }
              }
            })
        .doesNotThrowAnyException();
  }

  @Test
  void domainDependsOnlyOnTheJdk() {
    holds(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK);
    holds(ArchitectureRules.DOMAIN_DOES_NOT_USE_JDBC);
    catches(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK, DomainUsesMyBatis.class);
    catches(ArchitectureRules.DOMAIN_DOES_NOT_USE_JDBC, DomainUsesJdbc.class);
  }

  @Test
  void applicationDependsOnlyOnTheDomain() {
    holds(ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_THE_DOMAIN);
    holds(ArchitectureRules.PORTS_DO_NOT_KNOW_SERVICES);
    catches(
        ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_THE_DOMAIN, ApplicationUsesPersistence.class);
    catches(ArchitectureRules.PORTS_DO_NOT_KNOW_SERVICES, PortUsesService.class);
  }

  @Test
  void adaptersDependOnEachOtherOnlyThroughTheCompositionRoot() {
    holds(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER);
    holds(ArchitectureRules.ADAPTERS_DO_NOT_REACH_SERVICES);
    holds(ArchitectureRules.ONLY_THE_CLI_USES_MIGRATIONS);
    holds(ArchitectureRules.ONLY_PERSISTENCE_AND_THE_CLI_READ_THE_DATABASE_URL);
    holds(ArchitectureRules.MIGRATIONS_STAND_ALONE);
    catches(
        ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
        WebUsesPersistence.class,
        com.datamingle.adapter.persistence.PersistenceModule.class);
    catches(ArchitectureRules.ADAPTERS_DO_NOT_REACH_SERVICES, WebUsesService.class);
    catches(ArchitectureRules.ONLY_THE_CLI_USES_MIGRATIONS, WebUsesMigrations.class);
    catches(ArchitectureRules.ONLY_THE_CLI_USES_MIGRATIONS, PersistenceUsesMigrator.class);
    catches(
        ArchitectureRules.ONLY_PERSISTENCE_AND_THE_CLI_READ_THE_DATABASE_URL,
        WebUsesDatabaseSettings.class);
    catches(ArchitectureRules.MIGRATIONS_STAND_ALONE, MigrationsUseDomain.class);
  }

  @Test
  void webRoutesAndOutboundClientsStayApart() {
    ArchRule rule = ArchitectureRules.WEB_INBOUND_AND_OUTBOUND_STAY_APART;
    holds(rule);
    // each violator beside a clean class of the other side, so that both halves check something
    // and only the violation can fail the rule
    assertThatCode(
            () ->
                rule.check(
                    new ClassFileImporter()
                        .importClasses(WorkOsEventsClient.class, MeRoutes.class)))
        .doesNotThrowAnyException();
    catches(rule, RoutesUseWorkOsClient.class, WorkOsEventsClient.class);
    catches(rule, ClientUsesRoutes.class, MeRoutes.class);
  }

  @Test
  void librariesStayInTheirAdapters() {
    holds(ArchitectureRules.MYBATIS_ONLY_IN_PERSISTENCE);
    holds(ArchitectureRules.MYBATIS_MIGRATIONS_ONLY_IN_MIGRATIONS);
    holds(ArchitectureRules.HIKARI_ONLY_IN_PERSISTENCE);
    holds(ArchitectureRules.JDBC_ONLY_WHERE_IT_BELONGS);
    holds(ArchitectureRules.JAVAX_SQL_ONLY_WHERE_IT_BELONGS);
    holds(ArchitectureRules.JAVALIN_ONLY_IN_WEB);
    holds(ArchitectureRules.JETTY_ONLY_IN_WEB);
    holds(ArchitectureRules.JACKSON_ONLY_IN_WEB_AND_CLI);
    holds(ArchitectureRules.JWT_ONLY_IN_WEB_AUTH);
    holds(ArchitectureRules.PICOCLI_ONLY_IN_CLI);
    holds(ArchitectureRules.MICROMETER_ONLY_IN_WEB);
    catches(ArchitectureRules.MICROMETER_ONLY_IN_WEB, PersistenceUsesMicrometer.class);
    catches(ArchitectureRules.MYBATIS_ONLY_IN_PERSISTENCE, DomainUsesMyBatis.class);
    catches(ArchitectureRules.MYBATIS_ONLY_IN_PERSISTENCE, MigrationsUseMyBatisCore.class);
    catches(ArchitectureRules.MYBATIS_MIGRATIONS_ONLY_IN_MIGRATIONS, WebUsesMigrations.class);
    catches(ArchitectureRules.HIKARI_ONLY_IN_PERSISTENCE, BootstrapUsesHikari.class);
    catches(ArchitectureRules.JDBC_ONLY_WHERE_IT_BELONGS, WebUsesJdbc.class);
    catches(ArchitectureRules.JAVAX_SQL_ONLY_WHERE_IT_BELONGS, WebUsesJdbc.class);
    catches(ArchitectureRules.JAVALIN_ONLY_IN_WEB, PersistenceUsesJavalin.class);
    catches(ArchitectureRules.JETTY_ONLY_IN_WEB, PersistenceUsesJavalin.class);
    catches(ArchitectureRules.JACKSON_ONLY_IN_WEB_AND_CLI, PersistenceUsesJackson.class);
    catches(ArchitectureRules.JWT_ONLY_IN_WEB_AUTH, WebUsesJwtOutsideAuth.class);
    catches(ArchitectureRules.PICOCLI_ONLY_IN_CLI, WebUsesPicocli.class);
    allows(ArchitectureRules.JACKSON_ONLY_IN_WEB_AND_CLI, WebUsesJackson.class, Output.class);
  }

  @Test
  void codingRules() {
    holds(ArchitectureRules.ONLY_THE_CLI_WRITES_TO_STANDARD_STREAMS);
    holds(ArchitectureRules.NO_JAVA_UTIL_LOGGING);
    holds(ArchitectureRules.NO_PACKAGE_CYCLES);
    catches(ArchitectureRules.ONLY_THE_CLI_WRITES_TO_STANDARD_STREAMS, WebPrints.class);
    catches(ArchitectureRules.NO_PACKAGE_CYCLES, CycleA.class, CycleB.class);
  }
}
