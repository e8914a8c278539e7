package org.casework.core.accounts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(LoginPolicy.defaults());

    @ParameterizedTest
    @CsvSource({
        "short1!, account.password.tooShort",
        "casework-demo, account.password.common",
        "Casework-Demo-2026, account.password.common",
        "password123, account.password.common",
        "Password2026!, account.password.common",
        "qwertyuiop, account.password.common",
        "woaini131452, account.password.common",
        "a123456789, account.password.common",
        "2026woaini!!, account.password.common",
        "aaaaaaaaaaaa, account.password.repetitive",
        "abababababab, account.password.repetitive",
        "abc123abc123abc, account.password.repetitive",
        "1234567890, account.password.common",
        "9876543210, account.password.common",
        "passwordpassword, account.password.repetitive",
        "lanternlantern, account.password.repetitive",
        "bcdefghijk, account.password.repetitive",
        "kjihgfedcb, account.password.repetitive",
        "abcdefghijklm, account.password.repetitive",
        "wang.xiaohong2026, account.password.context",
        "2026wang.xiaohong, account.password.context",
        "我叫王小红哈哈哈哈哈, account.password.context",
        "一二三四五六七八九十一二三四五六七八九十一二三四五, account.password.tooLong"
    })
    void refusesWeakPasswordsNamingTheRule(String password, String key) {
        assertThatThrownBy(() -> policy.check(password, "wang.xiaohong", "王小红"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.getMessageKey())
                            .isEqualTo(key);
                    org.assertj.core.api.Assertions.assertThat(e.getField()).isEqualTo("password");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Spring-Visits-2026", "堌阳镇走访记录2026", "river stone lamp 7", "Lk#8mQ2v!pZr"})
    void acceptsPasswordsThatBreakNoRule(String password) {
        assertThatCode(() -> policy.check(password, "wang.xiaohong", "王小红")).doesNotThrowAnyException();
    }
}
