package com.datamingle.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

  @Test
  void defaultsToSqliteFileInTheWorkingDirectory() {
    DatabaseSettings settings = DatabaseSettings.fromUrl(null);

    assertThat(settings.vendor()).isEqualTo(DatabaseSettings.Vendor.SQLITE);
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:sqlite:db.sqlite");
  }

  @Test
  void acceptsSqlAlchemyStyleSqliteUrls() {
    assertThat(DatabaseSettings.fromUrl("sqlite:///backend/db.sqlite").jdbcUrl()).isEqualTo("jdbc:sqlite:backend/db.sqlite");
    assertThat(DatabaseSettings.fromUrl("sqlite:////var/lib/dm/db.sqlite").jdbcUrl()).isEqualTo("jdbc:sqlite:/var/lib/dm/db.sqlite");
  }

  @Test
  void turnsAPostgresUrlIntoJdbcWithCredentialsApart() {
    DatabaseSettings settings = DatabaseSettings.fromUrl("postgresql://app:p%40ss@db.internal:6543/prod?sslmode=require");

    assertThat(settings.vendor()).isEqualTo(DatabaseSettings.Vendor.POSTGRESQL);
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/prod?sslmode=require");
    assertThat(settings.user()).isEqualTo("app");
    assertThat(settings.password()).isEqualTo("p@ss");
    assertThat(settings.toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
    assertThat(DatabaseSettings.fromUrl("postgres://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void keepsJdbcUrlsAsTheyAreButNeverShowsTheirPassword() {
    DatabaseSettings settings = DatabaseSettings.fromUrl("jdbc:postgresql://h:5432/db?user=u&password=hunter2");

    assertThat(settings.jdbcUrl()).endsWith("password=hunter2");
    assertThat(settings.describe()).doesNotContain("hunter2").contains("password=***");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mysql://u:secretpw@h/db", "jdbc:sqlite:", "postgresql://u:secretpw@/db", "postgresql://u:secretpw@h", "nonsense"})
  void rejectsUrlsItCannotUseWithoutEchoingSecrets(String url) {
    assertThatThrownBy(() -> DatabaseSettings.fromUrl(url))
        .isInstanceOf(InvalidDatabaseUrl.class)
        .hasMessageContaining("use jdbc:sqlite:FILE")
        .hasMessageNotContaining("secretpw");
  }
}
