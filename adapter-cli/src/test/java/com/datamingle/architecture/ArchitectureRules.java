package com.datamingle.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The layering of DataMingle as ArchUnit rules; {@link ArchitectureTest} checks them, and checks
 * that each can fail.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  static final ArchRule DOMAIN_DEPENDS_ONLY_ON_THE_JDK =
      classes()
          .that()
          .resideInAPackage("com.datamingle.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("com.datamingle.domain..", "java..")
          .because("the domain is plain Java");

  static final ArchRule DOMAIN_DOES_NOT_USE_JDBC =
      noClasses()
          .that()
          .resideInAPackage("com.datamingle.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..")
          .because("java.. allows java.sql, which the domain must not touch");

  static final ArchRule APPLICATION_DEPENDS_ONLY_ON_THE_DOMAIN =
      classes()
          .that()
          .resideInAPackage("com.datamingle.application..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("com.datamingle.application..", "com.datamingle.domain..", "java..")
          .because("the application knows the domain and nothing of its adapters");

  static final ArchRule PORTS_DO_NOT_KNOW_SERVICES =
      noClasses()
          .that()
          .resideInAPackage("com.datamingle.application.port..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.datamingle.application.service..");

  static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER =
      slices()
          .matching("com.datamingle.adapter.(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(
              resideInAPackage("com.datamingle.adapter.cli.bootstrap.."), alwaysTrue())
          .because("only the composition root (adapter-cli's bootstrap) wires adapters together");

  /**
   * The web adapter holds inbound routes (and their access check, errors, ops) and an outbound
   * client of WorkOS's REST API; neither side reaches into the other. Both may read WorkOS's shared
   * event JSON ({@code adapter.web.workos}).
   */
  static final ArchRule WEB_INBOUND_AND_OUTBOUND_STAY_APART =
      CompositeArchRule.of(
              noClasses()
                  .that()
                  .resideInAPackage("com.datamingle.adapter.web..")
                  .and()
                  .resideOutsideOfPackage("com.datamingle.adapter.web.client..")
                  .should()
                  .dependOnClassesThat()
                  .resideInAPackage("com.datamingle.adapter.web.client.."))
          .and(
              noClasses()
                  .that()
                  .resideInAPackage("com.datamingle.adapter.web.client..")
                  .should()
                  .dependOnClassesThat(
                      resideInAPackage("com.datamingle.adapter.web..")
                          .and(
                              not(
                                  resideInAnyPackage(
                                      "com.datamingle.adapter.web.client..",
                                      "com.datamingle.adapter.web.workos..")))))
          .because("inbound routes and outbound clients change for different reasons");

  static final ArchRule ONLY_THE_CLI_USES_MIGRATIONS =
      noClasses()
          .that()
          .resideOutsideOfPackages("com.datamingle.adapter.cli..", "com.datamingle.migrations..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("com.datamingle.migrations..")
                  .and(not(resideInAPackage("com.datamingle.migrations.database.."))))
          .because("only the CLI changes the schema; the database package is shared (below)");

  static final ArchRule ONLY_PERSISTENCE_AND_THE_CLI_READ_THE_DATABASE_URL =
      onlyIn(
          "com.datamingle.migrations.database..",
          "com.datamingle.migrations..",
          "com.datamingle.adapter.persistence..",
          "com.datamingle.adapter.cli..");

  static final ArchRule MIGRATIONS_STAND_ALONE =
      noClasses()
          .that()
          .resideInAPackage("com.datamingle.migrations..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.datamingle.domain..", "com.datamingle.application..", "com.datamingle.adapter..")
          .because("migrations know only SQL and JDBC");

  static final ArchRule ADAPTERS_DO_NOT_REACH_SERVICES =
      noClasses()
          .that()
          .resideInAPackage("com.datamingle.adapter..")
          .and()
          .resideOutsideOfPackage("com.datamingle.adapter.cli.bootstrap..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.datamingle.application.service..")
          .because("adapters drive the application through its inbound ports only");

  static final ArchRule MYBATIS_ONLY_IN_PERSISTENCE =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.datamingle.adapter.persistence..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("org.apache.ibatis..")
                  .and(not(resideInAPackage("org.apache.ibatis.migration.."))));

  static final ArchRule MYBATIS_MIGRATIONS_ONLY_IN_MIGRATIONS =
      onlyIn("org.apache.ibatis.migration..", "com.datamingle.migrations..");

  static final ArchRule HIKARI_ONLY_IN_PERSISTENCE =
      onlyIn("com.zaxxer.hikari..", "com.datamingle.adapter.persistence..");

  /** Where JDBC belongs: the persistence adapter, the migrations, the composition root. */
  private static final String[] DATABASE_CODE = {
    "com.datamingle.adapter.persistence..",
    "com.datamingle.migrations..",
    "com.datamingle.adapter.cli.bootstrap.."
  };

  static final ArchRule JDBC_ONLY_WHERE_IT_BELONGS = onlyIn("java.sql..", DATABASE_CODE);

  static final ArchRule JAVAX_SQL_ONLY_WHERE_IT_BELONGS = onlyIn("javax.sql..", DATABASE_CODE);

  static final ArchRule JAVALIN_ONLY_IN_WEB =
      onlyIn("io.javalin..", "com.datamingle.adapter.web..");

  static final ArchRule JETTY_ONLY_IN_WEB =
      onlyIn("org.eclipse.jetty..", "com.datamingle.adapter.web..");

  static final ArchRule JACKSON_ONLY_IN_WEB_AND_CLI =
      onlyIn(
          "com.fasterxml.jackson..",
          "com.datamingle.adapter.web..",
          "com.datamingle.adapter.cli..");

  static final ArchRule JWT_ONLY_IN_WEB_AUTH =
      onlyIn("com.auth0..", "com.datamingle.adapter.web.auth..");

  static final ArchRule MICROMETER_ONLY_IN_WEB =
      onlyIn("io.micrometer..", "com.datamingle.adapter.web..");

  static final ArchRule PICOCLI_ONLY_IN_CLI = onlyIn("picocli..", "com.datamingle.adapter.cli..");

  static final ArchRule ONLY_THE_CLI_WRITES_TO_STANDARD_STREAMS =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.datamingle.adapter.cli..")
          .should(ACCESS_STANDARD_STREAMS)
          .because("everything else logs, and the CLI prints to an injected writer");

  static final ArchRule NO_JAVA_UTIL_LOGGING = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

  static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("com.datamingle.(**)").should().beFreeOfCycles();

  private static ArchRule onlyIn(String libraryPackage, String... allowed) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(allowed)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(libraryPackage)
        .because(libraryPackage + " belongs to " + String.join(", ", allowed));
  }
}
