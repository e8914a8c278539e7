package org.casework.core.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13812345678",
                "138 1234 5678",
                "138-1234-5678",
                " 13812345678 ",
                "+8613812345678",
                "+86 138 1234 5678",
                "8613812345678",
                "86-138-1234-5678",
                "138\u30001234\uFF0D5678" // full-width space and hyphen from a Chinese IME
            })
    void acceptsMobileInCommonSpellings(String raw) {
        PhoneNumber phone = PhoneNumber.parse(raw);

        assertThat(phone.value()).isEqualTo("13812345678");
        assertThat(phone.isMobile()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13000000000", "14512345678", "16612345678", "19912345678"})
    void acceptsEveryMobilePrefixFrom13To19(String raw) {
        assertThat(PhoneNumber.parse(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @CsvSource({
        "010-12345678, 01012345678",
        "0371-6123456, 03716123456",
        "0755 12345678, 075512345678",
        "021-1234567, 0211234567"
    })
    void acceptsLandlineAndStoresDigitsOnly(String raw, String stored) {
        PhoneNumber phone = PhoneNumber.parse(raw);

        assertThat(phone.value()).isEqualTo(stored);
        assertThat(phone.isMobile()).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "  ",
                "12812345678", // no 12x mobile prefix
                "1381234567", // 10 digits
                "138123456789", // 12 digits
                "23812345678",
                "1381234567a",
                "(010)12345678",
                "010123456", // local part too short
                "0101234567890", // landline too long
                "+86010-12345678", // country code only for mobiles
                "+8612812345678",
                "+85213812345678",
                "0086 13812345678",
                "86138123456789",
                "138.1234.5678",
                "\uFF11\uFF13\uFF18\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18" // full-width digits
            })
    void rejectsInvalidNumbers(String raw) {
        assertThatThrownBy(() -> PhoneNumber.parse(raw)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.getField()).isEqualTo("phone");
            assertThat(e.getMessageKey()).isEqualTo("client.phone.invalid");
            assertThat(e.getArguments()).isEmpty();
        });
    }

    @Test
    void constructorRequiresBareDigits() {
        assertThatThrownBy(() -> new PhoneNumber("138-1234-5678")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PhoneNumber("+8613812345678")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void masksMiddleFourDigitsOfMobile() {
        assertThat(PhoneNumber.parse("13812345678").masked()).isEqualTo("138****5678");
    }

    @Test
    void masksLandlineKeepingFirstFourAndLastTwo() {
        assertThat(PhoneNumber.parse("010-12345678").masked()).isEqualTo("0101*****78");
        assertThat(PhoneNumber.parse("0755-12345678").masked()).isEqualTo("0755******78");
        assertThat(PhoneNumber.parse("021-1234567").masked()).isEqualTo("0211****67");
    }

    @Test
    void tailIsLastFourDigits() {
        assertThat(PhoneNumber.parse("13812345678").tail()).isEqualTo("5678");
        assertThat(PhoneNumber.parse("010-12345678").tail()).isEqualTo("5678");
    }

    @Test
    void toStringIsMasked() {
        PhoneNumber phone = PhoneNumber.parse("13812345678");

        assertThat(phone.toString()).isEqualTo("138****5678").doesNotContain("1234");
    }

    @Test
    void equalNumbersInDifferentSpellingsAreEqual() {
        assertThat(PhoneNumber.parse("+86 138-1234-5678")).isEqualTo(PhoneNumber.parse("13812345678"));
    }
}
