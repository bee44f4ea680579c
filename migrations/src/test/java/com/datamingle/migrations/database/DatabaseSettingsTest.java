package com.datamingle.migrations.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

  @Test
  void defaultsToSqliteFileInTheWorkingDirectory() {
    DatabaseSettings settings = DatabaseSettings.fromUrl(null);

    assertThat(settings.dialect()).isEqualTo(Dialect.SQLITE);
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:sqlite:db.sqlite");
  }

  @Test
  void acceptsSqlAlchemyStyleSqliteUrls() {
    assertThat(DatabaseSettings.fromUrl("sqlite:///backend/db.sqlite").jdbcUrl())
        .isEqualTo("jdbc:sqlite:backend/db.sqlite");
    assertThat(DatabaseSettings.fromUrl("sqlite:////var/lib/dm/db.sqlite").jdbcUrl())
        .isEqualTo("jdbc:sqlite:/var/lib/dm/db.sqlite");
  }

  @Test
  void turnsAPostgresUrlIntoJdbcWithCredentialsApart() {
    DatabaseSettings settings =
        DatabaseSettings.fromUrl("postgresql://app:p%40ss@db.internal:6543/prod?sslmode=require");

    assertThat(settings.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(settings.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:6543/prod?sslmode=require");
    assertThat(settings.user()).isEqualTo("app");
    assertThat(settings.password()).isEqualTo("p@ss");
    assertThat(settings.toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
    assertThat(DatabaseSettings.fromUrl("postgres://h/db").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void keepsJdbcUrlsAsTheyAreButNeverShowsTheirPassword() {
    DatabaseSettings settings =
        DatabaseSettings.fromUrl("jdbc:postgresql://h:5432/db?user=u&password=hunter2");

    assertThat(settings.jdbcUrl()).endsWith("password=hunter2");
    assertThat(settings.describe()).doesNotContain("hunter2").contains("password=***");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mysql://u:secretpw@h/db",
        "jdbc:sqlite:",
        "postgresql://u:secretpw@/db",
        "postgresql://u:secretpw@h",
        "nonsense"
      })
  void rejectsUrlsItCannotUseWithoutEchoingSecrets(String url) {
    assertThatThrownBy(() -> DatabaseSettings.fromUrl(url))
        .isInstanceOf(InvalidDatabaseUrl.class)
        .hasMessageContaining("use jdbc:sqlite:FILE")
        .hasMessageNotContaining("secretpw");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://u@host:notaport/db",
        "postgresql://u:secretpw@host:99999/db",
        "postgres://host:/db",
        "jdbc:postgresql://host:5x32/db"
      })
  void aPortThatIsNotANumberIsNamedAsTheProblem(String url) {
    assertThatThrownBy(() -> DatabaseSettings.fromUrl(url))
        .isInstanceOf(InvalidDatabaseUrl.class)
        .hasMessageContaining("DATABASE_URL")
        .hasMessageContaining("port")
        .hasMessageContaining("1 to 65535")
        .hasMessageNotContaining("names no host")
        .hasMessageNotContaining("secretpw");
  }

  @Test
  void goodPortsPasswordsWithSeparatorsAndIpv6HostsStillParse() {
    DatabaseSettings colon =
        DatabaseSettings.fromUrl("postgresql://app:pa:ss@db.internal:6543/prod");
    assertThat(colon.password()).isEqualTo("pa:ss");
    assertThat(colon.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/prod");
    assertThat(DatabaseSettings.fromUrl("postgresql://app@[::1]:5432/prod").jdbcUrl())
        .isEqualTo("jdbc:postgresql://[::1]:5432/prod");
    assertThat(
            DatabaseSettings.fromUrl("jdbc:postgresql://h:5432/db?user=u&password=a@b:c").jdbcUrl())
        .endsWith("password=a@b:c");
    assertThat(DatabaseSettings.fromUrl("postgresql://app@db.internal/prod").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal/prod");
  }

  @Test
  void errorsNameTheFlagWhenTheUrlCameFromOne() {
    assertThatThrownBy(
            () -> DatabaseSettings.fromUrl("postgresql://u@host:notaport/db", 0, "--database-url"))
        .hasMessageStartingWith(
            "--database-url 'postgresql://u@host:notaport/db' has the port 'notaport'");
    assertThatThrownBy(() -> DatabaseSettings.fromUrl("mysql://h/db", 0, "--database-url"))
        .hasMessageStartingWith("--database-url");
  }
}
