package org.casework.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

    @ParameterizedTest
    @CsvSource({"41,PROVINCE", "4102,CITY", "410225,COUNTY", "410225101,TOWNSHIP", "410225101201,VILLAGE"})
    void knowsItsLevelFromTheLength(String code, RegionLevel level) {
        assertThat(new RegionCode(code).level()).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({
        "410225000000,410225",
        "410225101000,410225101",
        "410000000000,41",
        "410200000000,4102",
        "410225101201,410225101201"
    })
    void reducesThePaddedTwelveDigitFormToItsLevel(String padded, String expected) {
        assertThat(RegionCode.parse(padded).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4", "410", "41022510", "4102251012011", "41022a", "兰考县"})
    void refusesMalformedCodes(String code) {
        assertThatThrownBy(() -> RegionCode.parse(code))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("region.code.invalid");
    }

    @Test
    void parentIsTheEnclosingLevel() {
        assertThat(new RegionCode("410225101201").parent()).isEqualTo(new RegionCode("410225101"));
        assertThat(new RegionCode("410225101").parent()).isEqualTo(new RegionCode("410225"));
        assertThat(new RegionCode("410225").parent()).isEqualTo(new RegionCode("4102"));
        assertThat(new RegionCode("41").parent()).isNull();
    }

    @Test
    void containsItselfAndItsSubtreeOnly() {
        RegionCode township = new RegionCode("410225101");
        assertThat(township.contains(new RegionCode("410225101201"))).isTrue();
        assertThat(township.contains(township)).isTrue();
        assertThat(township.contains(new RegionCode("410225102201"))).isFalse();
        assertThat(township.contains(new RegionCode("410225"))).isFalse();
    }
}
