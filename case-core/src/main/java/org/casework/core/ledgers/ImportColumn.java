package org.casework.core.ledgers;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of a registry ledger to import, found by their header (Chinese as counties write
 * them, or English), in any order. Columns not listed are ignored.
 */
public enum ImportColumn {
    NAME("姓名", "Name"),
    SEX("性别", "Sex"),
    BIRTH_DATE("出生日期", "Birth date"),
    ID_NUMBER("身份证号", "ID number"),
    VILLAGE_CODE("村区划代码", "Village code"),
    CATEGORY("类别", "Category"),
    SUB_TYPE("子类别", "Sub-type"),
    CATEGORY_FROM("认定日期", "Since"),
    GUARDIAN("监护人", "Guardian"),
    GUARDIAN_RELATION("监护人关系", "Guardian relation"),
    GUARDIAN_PHONE("监护人电话", "Guardian phone"),
    PHONE("联系电话", "Phone");

    private final String chinese;
    private final String english;

    ImportColumn(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** The column a header names; spaces and a trailing '*' (required mark) are ignored. */
    static Optional<ImportColumn> ofHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.replace("*", "").replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values())
                .filter(c -> c.chinese.equals(h)
                        || c.english
                                .replace(" ", "")
                                .toLowerCase(java.util.Locale.ROOT)
                                .equals(h))
                .findFirst();
    }
}
