package org.casework.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PinyinSortKeyTest {

    @Test
    void hanCharactersBecomeTheirTonelessPinyinLettersAndDigitsStayLowerCased() {
        assertThat(PinyinSortKey.of("张建国户")).isEqualTo("zhangjianguohu");
        assertThat(PinyinSortKey.of("吕家 2组")).isEqualTo("lvjia2zu");
        assertThat(PinyinSortKey.of("Anna·李")).isEqualTo("annali");
        assertThat(PinyinSortKey.of(null)).isEmpty();
    }

    @Test
    void sortsAsAPaperRegisterNotByCodePoint() {
        List<String> names = List.of("张家", "王家", "安家");
        assertThat(names.stream().sorted().toList()).containsExactly("安家", "张家", "王家");
        assertThat(Stream.of("张家", "王家", "安家")
                        .sorted(java.util.Comparator.comparing(PinyinSortKey::of))
                        .toList())
                .containsExactly("安家", "王家", "张家");
    }
}
