package org.casework.core.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    // The published sample number from GB 11643-1999: Beijing Chaoyang, 1949-12-31, female.
    private static final String SAMPLE = "11010519491231002X";
    private static final String LEGACY = "410225850101123";
    private static final Clock JUNE_2024 = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void acceptsValidEighteenDigitNumber() {
        ResidentIdNumber id = ResidentIdNumber.parse(SAMPLE, JUNE_2024);

        assertThat(id.value()).isEqualTo(SAMPLE);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
        assertThat(id.addressCode()).isEqualTo("110105");
        assertThat(id.isLegacy()).isFalse();
        assertThat(id.tail()).isEqualTo("002X");
    }

    @Test
    void acceptsNumberWhoseCheckDigitIsANumeral() {
        ResidentIdNumber id = ResidentIdNumber.parse("110101198001010010", JUNE_2024);

        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(id.sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void acceptsLowerCaseCheckCharacterAndSurroundingWhitespace() {
        ResidentIdNumber id = ResidentIdNumber.parse(" 11010519491231002x\u3000", JUNE_2024);

        assertThat(id.value()).isEqualTo(SAMPLE);
    }

    @Test
    void constructorRequiresCanonicalForm() {
        assertRejected(() -> new ResidentIdNumber("11010519491231002x"), "client.idNumber.format");
        assertRejected(() -> new ResidentIdNumber(" " + SAMPLE), "client.idNumber.format");
    }

    @Test
    void rejectsWrongCheckDigit() {
        assertRejected(() -> ResidentIdNumber.parse("110105194912310021", JUNE_2024), "client.idNumber.checkDigit");
    }

    @Test
    void rejectsSingleDigitTypo() {
        // 1949 mistyped as 1948: the date is still real, only the check digit exposes it
        assertRejected(() -> ResidentIdNumber.parse("11010519481231002X", JUNE_2024), "client.idNumber.checkDigit");
    }

    @Test
    void rejectsBirthYearBefore1900EvenWithValidCheckDigit() {
        assertThat(oracleCheckDigit("44052418800101001")).isEqualTo('4');

        assertRejected(() -> ResidentIdNumber.parse("440524188001010014", JUNE_2024), "client.idNumber.birthDate");
    }

    @Test
    void rejectsImpossibleCalendarDate() {
        assertRejected(
                () -> ResidentIdNumber.parse(withCheck("11010519990231001"), JUNE_2024), "client.idNumber.birthDate");
        assertRejected(
                () -> ResidentIdNumber.parse(withCheck("11010519990230001"), JUNE_2024), "client.idNumber.birthDate");
        assertRejected(
                () -> ResidentIdNumber.parse(withCheck("11010519991301001"), JUNE_2024), "client.idNumber.birthDate");
        assertRejected(
                () -> ResidentIdNumber.parse(withCheck("11010519990100001"), JUNE_2024), "client.idNumber.birthDate");
    }

    @Test
    void acceptsLeapDayInLeapYear() {
        ResidentIdNumber id = ResidentIdNumber.parse(withCheck("11010520000229001"), JUNE_2024);

        assertThat(id.birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void rejectsFutureBirthDate() {
        assertRejected(
                () -> ResidentIdNumber.parse(withCheck("11010520240602001"), JUNE_2024), "client.idNumber.birthDate");
    }

    @Test
    void acceptsBirthDateOfToday() {
        ResidentIdNumber id = ResidentIdNumber.parse(withCheck("11010520240601001"), JUNE_2024);

        assertThat(id.birthDate()).isEqualTo(LocalDate.of(2024, 6, 1));
    }

    @Test
    void parseWithoutClockUsesTheCurrentDate() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        String future = ResidentIdNumber.of("110105", tomorrow, 1).value();

        assertRejected(() -> ResidentIdNumber.parse(future), "client.idNumber.birthDate");
        assertThat(ResidentIdNumber.parse(SAMPLE).value()).isEqualTo(SAMPLE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "   ",
                "11010519491231002", // 17
                "11010519491231002X1", // 19
                "4102258501011", // 13
                "4102258501011234", // 16
                "11010519491231002A",
                "1101051949123100X2", // X only allowed as check character
                "41022585010112X", // legacy numbers have no check character
                "11010519491231\uFF10\uFF10\uFF12X", // full-width digits
                "110105-19491231-002X"
            })
    void rejectsMalformedInput(String raw) {
        assertRejected(() -> ResidentIdNumber.parse(raw, JUNE_2024), "client.idNumber.format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "10", "66", "70", "72", "80", "83", "99"})
    void rejectsUnknownProvinceCode(String province) {
        String number = withCheck(province + "010519491231002");

        assertRejected(() -> ResidentIdNumber.parse(number, JUNE_2024), "client.idNumber.format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "37", "65", "71", "81", "82"})
    void acceptsProvinceCodesAtTheEdgesOfTheRange(String province) {
        String number = withCheck(province + "010519491231002");

        assertThat(ResidentIdNumber.parse(number, JUNE_2024).addressCode()).startsWith(province);
    }

    @Test
    void acceptsLegacyFifteenDigitNumber() {
        ResidentIdNumber id = ResidentIdNumber.parse(LEGACY, JUNE_2024);

        assertThat(id.isLegacy()).isTrue();
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1985, 1, 1));
        assertThat(id.sex()).isEqualTo(Sex.MALE);
        assertThat(id.addressCode()).isEqualTo("410225");
        assertThat(id.tail()).isEqualTo("1123");
    }

    @Test
    void readsSexOfLegacyNumberFromItsLastDigit() {
        assertThat(ResidentIdNumber.parse("410225850101122", JUNE_2024).sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void legacyNumbersAreInThe1900s() {
        // 000229 is 1900-02-29, which did not exist: 1900 was not a leap year
        assertRejected(() -> ResidentIdNumber.parse("410225000229123", JUNE_2024), "client.idNumber.birthDate");
        assertThat(ResidentIdNumber.parse("410225000101123", JUNE_2024).birthDate())
                .isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void convertsLegacyNumberToEighteenDigits() {
        ResidentIdNumber eighteen = ResidentIdNumber.parse(LEGACY, JUNE_2024).toEighteen();

        assertThat(eighteen.value()).isEqualTo("410225198501011236");
        assertThat(eighteen.isLegacy()).isFalse();
        assertThat(eighteen.birthDate()).isEqualTo(LocalDate.of(1985, 1, 1));
        assertThat(eighteen.sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void toEighteenLeavesCurrentNumbersUnchanged() {
        ResidentIdNumber id = ResidentIdNumber.parse(SAMPLE, JUNE_2024);

        assertThat(id.toEighteen()).isEqualTo(id);
    }

    @Test
    void masksAllButFirstAndLastFourCharacters() {
        assertThat(ResidentIdNumber.parse(SAMPLE, JUNE_2024).masked()).isEqualTo("1101**********002X");
        assertThat(ResidentIdNumber.parse(LEGACY, JUNE_2024).masked()).isEqualTo("4102*******1123");
    }

    @Test
    void toStringIsMaskedSoLogsNeverShowTheNumber() {
        ResidentIdNumber id = ResidentIdNumber.parse(SAMPLE, JUNE_2024);

        assertThat(id.toString()).isEqualTo("1101**********002X").doesNotContain("19491231");
        assertThat(String.valueOf(java.util.List.of(id))).doesNotContain(SAMPLE);
    }

    @Test
    void rejectionDoesNotCarryTheNumber() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("110105194912310021", JUNE_2024))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getArguments()).isEmpty();
                    assertThat(e.getMessage()).doesNotContain("1101051949");
                });
    }

    @Test
    void crossCheckAcceptsMatchingOrMissingValues() {
        ResidentIdNumber id = ResidentIdNumber.parse(SAMPLE, JUNE_2024);

        assertThatCode(() -> id.crossCheck(LocalDate.of(1949, 12, 31), Sex.FEMALE))
                .doesNotThrowAnyException();
        assertThatCode(() -> id.crossCheck(null, null)).doesNotThrowAnyException();
    }

    @Test
    void crossCheckRejectsDifferentBirthDate() {
        ResidentIdNumber id = ResidentIdNumber.parse(SAMPLE, JUNE_2024);

        assertRejected(
                () -> id.crossCheck(LocalDate.of(1949, 12, 30), Sex.FEMALE),
                "birthDate",
                "client.idNumber.birthDateMismatch");
    }

    @Test
    void crossCheckRejectsDifferentSex() {
        ResidentIdNumber id = ResidentIdNumber.parse(SAMPLE, JUNE_2024);

        assertRejected(() -> id.crossCheck(null, Sex.MALE), "sex", "client.idNumber.sexMismatch");
    }

    @Test
    void computesPublishedCheckDigits() {
        assertThat(ResidentIdNumber.checkDigit("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.checkDigit("44052418800101001")).isEqualTo('4');
        assertThat(ResidentIdNumber.checkDigit("41022519850101123")).isEqualTo('6');
        // sum ≡ 0 (mod 11) maps to '1', not '0': an easy off-by-one in hand-rolled tables
        assertThat(ResidentIdNumber.checkDigit("00000000000000000")).isEqualTo('1');
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1101051949123100", "110105194912310023", "1101051949123100A"})
    void checkDigitRefusesAnythingButSeventeenDigits(String first17) {
        assertRejected(() -> ResidentIdNumber.checkDigit(first17), "client.idNumber.format");
    }

    @Test
    void checkDigitAgreesWithPowersOfTwoDefinitionOfMod11_2() {
        Random random = new Random(20240601);
        for (int n = 0; n < 5_000; n++) {
            String first17 = randomDigits(random, 17);

            assertThat(ResidentIdNumber.checkDigit(first17)).as(first17).isEqualTo(oracleCheckDigit(first17));
        }
    }

    @Test
    void checkDigitCatchesEverySingleDigitSubstitution() {
        Random random = new Random(7064);
        for (int n = 0; n < 300; n++) {
            String first17 = randomDigits(random, 17);
            char check = ResidentIdNumber.checkDigit(first17);
            for (int pos = 0; pos < 17; pos++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d == first17.charAt(pos)) {
                        continue;
                    }
                    String typo = first17.substring(0, pos) + d + first17.substring(pos + 1);
                    assertThat(ResidentIdNumber.checkDigit(typo)).as(typo).isNotEqualTo(check);
                }
            }
        }
    }

    @Test
    void checkDigitCatchesEveryAdjacentTransposition() {
        Random random = new Random(11643);
        for (int n = 0; n < 2_000; n++) {
            String first17 = randomDigits(random, 17);
            char check = ResidentIdNumber.checkDigit(first17);
            for (int pos = 0; pos < 16; pos++) {
                char a = first17.charAt(pos);
                char b = first17.charAt(pos + 1);
                if (a == b) {
                    continue;
                }
                String swapped = first17.substring(0, pos) + b + a + first17.substring(pos + 2);
                assertThat(ResidentIdNumber.checkDigit(swapped)).as(swapped).isNotEqualTo(check);
            }
        }
    }

    @Test
    void ofBuildsNumberWithValidCheckDigit() {
        ResidentIdNumber id = ResidentIdNumber.of("110105", LocalDate.of(1949, 12, 31), 2);

        assertThat(id.value()).isEqualTo(SAMPLE);
    }

    @Test
    void ofGivesSexMatchingParityOfSequence() {
        LocalDate birth = LocalDate.of(1990, 3, 7);
        for (int sequence = 0; sequence <= 999; sequence++) {
            ResidentIdNumber id = ResidentIdNumber.of("330106", birth, sequence);

            assertThat(id.sex()).as("sequence %d", sequence).isEqualTo(sequence % 2 == 1 ? Sex.MALE : Sex.FEMALE);
        }
    }

    @Test
    void ofRoundTripsThroughParse() {
        Random random = new Random(1999);
        String[] counties = {"110105", "410225", "650102", "710000", "820000", "530102"};
        for (int n = 0; n < 2_000; n++) {
            String county = counties[random.nextInt(counties.length)];
            LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(45_000));
            int sequence = random.nextInt(1000);

            ResidentIdNumber built = ResidentIdNumber.of(county, birth, sequence);
            ResidentIdNumber parsed = ResidentIdNumber.parse(built.value().toLowerCase(), JUNE_2024);

            assertThat(parsed).isEqualTo(built);
            assertThat(parsed.addressCode()).isEqualTo(county);
            assertThat(parsed.birthDate()).isEqualTo(birth);
            assertThat(parsed.value().charAt(17))
                    .isEqualTo(oracleCheckDigit(built.value().substring(0, 17)));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1000})
    void ofRejectsSequenceOutOfRange(int sequence) {
        assertRejected(
                () -> ResidentIdNumber.of("110105", LocalDate.of(1990, 1, 1), sequence), "client.idNumber.format");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"11010", "1101055", "11010A", "990105"})
    void ofRejectsBadAddressCode(String address) {
        assertRejected(() -> ResidentIdNumber.of(address, LocalDate.of(1990, 1, 1), 1), "client.idNumber.format");
    }

    @Test
    void ofRejectsMissingOrTooEarlyBirthDate() {
        assertRejected(() -> ResidentIdNumber.of("110105", null, 1), "client.idNumber.birthDate");
        assertRejected(() -> ResidentIdNumber.of("110105", LocalDate.of(1899, 12, 31), 1), "client.idNumber.birthDate");
        assertRejected(() -> ResidentIdNumber.of("110105", LocalDate.of(-5, 1, 1), 1), "client.idNumber.birthDate");
    }

    // ISO 7064 MOD 11-2 as the standard states it, independent of the lookup tables in main code:
    // weight of position i (counted from the right, check = 0) is 2^i mod 11, and the check value
    // c satisfies sum + c ≡ 1 (mod 11); c = 10 is written X.
    private static char oracleCheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = 1;
            for (int k = 0; k < 17 - i; k++) {
                weight = weight * 2 % 11;
            }
            sum += (first17.charAt(i) - '0') * weight;
        }
        int c = Math.floorMod(1 - sum, 11);
        return c == 10 ? 'X' : (char) ('0' + c);
    }

    private static String withCheck(String first17) {
        return first17 + oracleCheckDigit(first17);
    }

    private static String randomDigits(Random random, int length) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private static void assertRejected(ThrowingCallable call, String messageKey) {
        assertRejected(call, "idNumber", messageKey);
    }

    private static void assertRejected(ThrowingCallable call, String field, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getMessageKey()).isEqualTo(messageKey);
        });
    }
}
