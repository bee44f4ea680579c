package com.datamingle.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.domain.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

  @Test
  void emailIsTrimmedAndLowerCased() {
    assertThat(new Email("  Ada.Lovelace@Example.COM ").value())
        .isEqualTo("ada.lovelace@example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "@example.com",
        "a@",
        "a@b",
        "a b@example.com",
        "a@-x.com",
        ".a@example.com",
        "a..b@example.com",
        "a.@example.com",
        "a@example..com"
      })
  void rejectsMalformedEmail(String text) {
    assertThatThrownBy(() -> new Email(text))
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("email"));
  }

  @Test
  void rejectsEmailLongerThan254Characters() {
    String local = "a".repeat(64);
    String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com";
    assertThatThrownBy(() -> new Email(local + "@" + domain)).hasMessageContaining("at most 254");
  }

  @Test
  void namesAreTrimmedAndBounded() {
    assertThat(new PersonName("  Ada ").value()).isEqualTo("Ada");
    assertThat(new PersonName("é".repeat(100)).value()).hasSize(100);
    assertThatThrownBy(() -> new PersonName("x".repeat(101))).hasMessageContaining("at most 100");
    assertThatThrownBy(() -> new PersonName("   ")).hasMessageContaining("blank");
    assertThatThrownBy(() -> new PersonName("a\u0000b")).hasMessageContaining("control");
    assertThatThrownBy(() -> new PersonName("a\ud800b")).hasMessageContaining("surrogate");
    assertThat(new PersonName("Zoë 😀").value()).isEqualTo("Zoë 😀");
    assertThat(PersonName.ofNullable(" ")).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.com/a.png",
        "/relative.png",
        "javascript:alert(1)",
        "https://",
        "not a url",
        "https:///x"
      })
  void rejectsPictureUrlsThatAreNotAbsoluteHttp(String text) {
    assertThatThrownBy(() -> new PictureUrl(text)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void acceptsHttpAndHttpsPictureUrls() {
    assertThat(new PictureUrl("https://img.example.com/a.png?s=64").value()).startsWith("https://");
    assertThat(new PictureUrl("http://localhost:8080/a.png").value()).startsWith("http://");
    assertThatThrownBy(() -> new PictureUrl("https://e.com/" + "a".repeat(2048)))
        .hasMessageContaining("2048");
  }

  @Test
  void timezoneMustBeARealZone() {
    assertThat(TimeZonePreference.parse("Europe/Paris").id()).isEqualTo("Europe/Paris");
    assertThatThrownBy(() -> TimeZonePreference.parse("Mars/Olympus"))
        .hasMessageContaining("not a known IANA zone");
  }

  @Test
  void languageMustBeAWellFormedTag() {
    assertThat(new LanguagePreference("pt-br").tag()).isEqualTo("pt-BR");
    assertThatThrownBy(() -> new LanguagePreference("english!")).hasMessageContaining("BCP 47");
    assertThatThrownBy(() -> new LanguagePreference("")).hasMessageContaining("BCP 47");
  }

  @Test
  void workosUserIdLooksLikeWorkOs() {
    assertThat(new WorkOsUserId("user_01HBEQKA6K4QJAS93VPE39W1JT").value()).startsWith("user_");
    assertThatThrownBy(() -> new WorkOsUserId("client_01H")).hasMessageContaining("user_01H");
    assertThatThrownBy(() -> new WorkOsUserId("user_../../etc"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void textNoDatabaseStoresIsRefusedByEveryTextValueNamingItsField() {
    for (String bad :
        new String[] {
          "\u0000", "a\u0000b", "a\u0007b", "a\u007fb", "a\u0085b", "a\ud800b", "a\udc00"
        }) {
      assertField(() -> new PersonName(bad), "name");
      assertField(() -> TimeZonePreference.parse("Europe/Paris" + bad), "timezone");
      assertField(() -> new LanguagePreference("en" + bad), "language");
      assertField(
          () -> new PictureUrl("https://img.example.com/" + bad + ".png"), "profile_picture_url");
      assertField(
          () ->
              new WorkOsUserEvent(
                  "event_" + bad,
                  WorkOsUserEvent.Kind.CREATED,
                  new WorkOsUserId("user_01A"),
                  new IdentityProfile(new Email("a@example.com"), null, null, null),
                  java.time.Instant.EPOCH,
                  java.time.Instant.EPOCH),
          "id");
    }
    assertThat(new PictureUrl("https://img.example.com/caf\u00e9-\ud83d\ude00.png").value())
        .contains("\ud83d\ude00");
  }

  static void assertField(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void plainTextNamesTheFlaw() {
    assertThat(com.datamingle.domain.PlainText.flaw("Zo\u00eb \ud83d\ude00")).isNull();
    assertThat(com.datamingle.domain.PlainText.flaw(null)).isNull();
    assertThat(com.datamingle.domain.PlainText.flaw("a\u0000")).contains("control characters");
    assertThat(com.datamingle.domain.PlainText.flaw("\ude00\ud83d")).contains("surrogate");
    assertThat(com.datamingle.domain.PlainText.flaw("\ud83d")).contains("surrogate");
  }

  @Test
  void userIdParsesOnlyUuids() {
    assertThat(UserId.parse("0192b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b").toString())
        .isEqualTo("0192b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b");
    assertThatThrownBy(() -> UserId.parse("42")).hasMessageContaining("UUID");
  }
}
