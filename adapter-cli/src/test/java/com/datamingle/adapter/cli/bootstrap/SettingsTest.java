package com.datamingle.adapter.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.migrations.database.DatabaseSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

  @Test
  void thePoolSizeDefaultsPerDatabase() {
    assertThat(MigrationWiring.database(Settings.fromEnvironment(Map.of())).maxPoolSize())
        .isEqualTo(4);
    assertThat(
            MigrationWiring.database(
                    Settings.fromEnvironment(
                        Map.of("DATABASE_URL", "postgresql://app@db.internal:5432/app")))
                .maxPoolSize())
        .isEqualTo(10);
  }

  @Test
  void databasePoolSizeSetsThePoolOfEitherDatabase() {
    DatabaseSettings postgres =
        MigrationWiring.database(
            Settings.fromEnvironment(
                Map.of(
                    "DATABASE_URL",
                    "postgresql://app@db.internal:5432/app",
                    "DATABASE_POOL_SIZE",
                    "24")));
    DatabaseSettings sqlite =
        MigrationWiring.database(Settings.fromEnvironment(Map.of("DATABASE_POOL_SIZE", " 8 ")));

    assertThat(postgres.maxPoolSize()).isEqualTo(24);
    assertThat(sqlite.maxPoolSize()).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "501", "ten", "2.5"})
  void aPoolSizeThatIsNotAWholeNumberInRangeIsRefusedWithWhatToDo(String text) {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("DATABASE_POOL_SIZE", text)))
        .isInstanceOf(Settings.InvalidSettings.class)
        .hasMessageContaining("DATABASE_POOL_SIZE is '" + text + "'")
        .hasMessageContaining("from 1 to 500");
  }

  @ParameterizedTest
  @ValueSource(strings = {"xml", "JSON", "", "logfmt"})
  void aLogFormatOtherThanTextOrJsonIsRefusedWithWhatToDo(String format) {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("DATAMINGLE_LOG_FORMAT", format)))
        .isInstanceOf(Settings.InvalidSettings.class)
        .hasMessageContaining("DATAMINGLE_LOG_FORMAT is '" + format + "'")
        .hasMessageContaining("use text (the default) or json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void textAndJsonAreLogFormats(String format) {
    assertThat(Settings.fromEnvironment(Map.of("DATAMINGLE_LOG_FORMAT", format))).isNotNull();
  }
}
