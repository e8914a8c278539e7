package org.casework.core.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNameTest {

    @ParameterizedTest
    @CsvSource({"张伟, zhangwei", "欧阳娜娜, ouyangnana", "李 娜, lina", "' 王芳 ', wangfang", "王〇, wangling"})
    void fullPinyinIsLowerCaseWithoutTonesOrSpaces(String name, String expected) {
        assertThat(ChineseName.fullPinyin(name)).isEqualTo(expected);
    }

    @Test
    void fullPinyinWritesUmlautAsV() {
        assertThat(ChineseName.fullPinyin("吕")).isEqualTo("lv");
        assertThat(ChineseName.fullPinyin("吕女")).isEqualTo("lvnv");
    }

    @Test
    void fullPinyinKeepsAsciiLettersAndDigitsLowerCased() {
        assertThat(ChineseName.fullPinyin("Anna张2")).isEqualTo("annazhang2");
    }

    @Test
    void fullPinyinDropsSeparatorsAndUnknownCharacters() {
        assertThat(ChineseName.fullPinyin("买买提·艾力")).isEqualTo("maimaitiaili");
        assertThat(ChineseName.fullPinyin("约翰•史密斯")).isEqualTo("yuehanshimisi");
        assertThat(ChineseName.fullPinyin("Zoë")).isEqualTo("zo");
        // U+20BB7 is outside the Basic Multilingual Plane, which pinyin4j does not cover
        assertThat(ChineseName.fullPinyin("\uD842\uDFB7大")).isEqualTo("da");
    }

    @ParameterizedTest
    @CsvSource({
        "曾小贤, zengxiaoxian",
        "单雄信, shanxiongxin",
        "解缙, xiejin",
        "仇英, qiuying",
        "朴树, piaoshu",
        "区志航, ouzhihang",
        "查良镛, zhaliangyong",
        "翟天临, zhaitianlin",
        "乐嘉, yuejia"
    })
    void readsPolyphonicSurnamesAsSurnames(String name, String expected) {
        assertThat(ChineseName.fullPinyin(name)).isEqualTo(expected);
    }

    @Test
    void usesDefaultReadingForSurnameCharactersLaterInTheName() {
        assertThat(ChineseName.fullPinyin("王曾")).isEqualTo("wangceng");
        assertThat(ChineseName.fullPinyin("李乐")).isEqualTo("lile");
        assertThat(ChineseName.fullPinyin("张单")).isEqualTo("zhangdan");
    }

    @Test
    void surnameReadingAppliesAfterLeadingWhitespace() {
        assertThat(ChineseName.fullPinyin("  曾伟")).isEqualTo("zengwei");
    }

    @ParameterizedTest
    @CsvSource({"张伟, zw", "欧阳娜娜, oynn", "曾国藩, zgf", "单田芳, stf", "吕布, lb", "买买提·艾力, mmtal", "Anna 李, al", "李Anna, la"})
    void initialsTakeFirstLetterOfEachReading(String name, String expected) {
        assertThat(ChineseName.initials(name)).isEqualTo(expected);
    }

    @Test
    void helpersTreatNullAsEmpty() {
        assertThat(ChineseName.fullPinyin(null)).isEmpty();
        assertThat(ChineseName.initials(null)).isEmpty();
        assertThat(ChineseName.normalizeQuery(null)).isEmpty();
    }

    @Test
    void normalizeQueryLowerCasesAndStripsAllSpaces() {
        assertThat(ChineseName.normalizeQuery(" Zhang Wei ")).isEqualTo("zhangwei");
        assertThat(ChineseName.normalizeQuery("张\u3000伟\t")).isEqualTo("张伟");
        assertThat(ChineseName.normalizeQuery("ZW")).isEqualTo("zw");
    }

    @Test
    void normalizedQueryMatchesStoredKeys() {
        assertThat(ChineseName.fullPinyin("张伟")).contains(ChineseName.normalizeQuery("Zhang WEI"));
        assertThat(ChineseName.initials("欧阳娜娜")).startsWith(ChineseName.normalizeQuery("O Y"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "张",
                "张伟",
                "欧阳娜娜",
                "买买提·艾力",
                "约翰•史密斯",
                "Anna Li",
                "  李娜  ",
                "王〇",
                "\uD842\uDFB7大" // rare character outside the BMP, found in real names
            })
    void acceptsPlausibleNames(String name) {
        assertThatCode(() -> ChineseName.validate(name)).doesNotThrowAnyException();
    }

    @Test
    void acceptsFiftyCharactersCountingRareCharactersOnce() {
        assertThatCode(() -> ChineseName.validate("张".repeat(50))).doesNotThrowAnyException();
        // 50 characters but 100 UTF-16 units
        assertThatCode(() -> ChineseName.validate("\uD842\uDFB7".repeat(50))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "   ",
                "\u3000",
                "·",
                "· •",
                "张3",
                "张伟!",
                "张-伟",
                "张_伟",
                "张伟\u3000丽", // ideographic space inside the name
                "<script>"
            })
    void rejectsImplausibleNames(String name) {
        assertInvalid(name);
    }

    @Test
    void rejectsMoreThanFiftyCharacters() {
        assertInvalid("张".repeat(51));
    }

    private static void assertInvalid(String name) {
        assertThatThrownBy(() -> ChineseName.validate(name)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.getField()).isEqualTo("fullName");
            assertThat(e.getMessageKey()).isEqualTo("client.name.invalid");
        });
    }
}
