package org.casework.core.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.casework.core.clients.ResidentIdNumber;
import org.casework.core.clients.Sex;

/** Deterministic synthetic people: common Lankao surnames, plausible given names, valid ID numbers. */
final class DemoPeople {

    private static final String SURNAMES = "张王李刘赵任曹孙陈杨周吴郭马何高宋郑谢韩冯朱胡许程邓";
    private static final List<String> MALE_OLD = List.of("建国", "国庆", "长河", "振华", "德山", "春生", "保田", "金锁", "福来", "广才");
    private static final List<String> FEMALE_OLD = List.of("秀兰", "桂英", "玉梅", "凤英", "淑珍", "翠花", "素芳", "春梅", "金凤", "巧云");
    private static final List<String> MALE_YOUNG =
            List.of("浩然", "子涵", "宇航", "俊杰", "梓轩", "博文", "一鸣", "明轩", "晨阳", "天佑", "家豪", "思远");
    private static final List<String> FEMALE_YOUNG =
            List.of("欣怡", "梓涵", "雨桐", "诗琪", "可馨", "佳怡", "思雨", "若曦", "梦瑶", "语嫣", "紫涵", "一诺");
    private static final List<String> FEMALE_MID = List.of("丽娟", "红霞", "晓燕", "海燕", "慧敏", "静", "艳红", "文娟");
    static final List<String> WORKPLACES =
            List.of("郑州 建筑工地", "广州 电子厂", "深圳 物流公司", "上海 餐馆", "北京 装修队", "苏州 服装厂", "杭州 快递站", "东莞 鞋厂");

    private final Random random;
    private final LocalDate today;
    private final Set<String> usedIds = new HashSet<>();

    DemoPeople(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    String surname() {
        return String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
    }

    String givenName(Sex sex, int age) {
        List<String> names;
        if (age >= 55) {
            names = sex == Sex.MALE ? MALE_OLD : FEMALE_OLD;
        } else if (age >= 20) {
            names = sex == Sex.MALE ? MALE_OLD : FEMALE_MID;
        } else {
            names = sex == Sex.MALE ? MALE_YOUNG : FEMALE_YOUNG;
        }
        return pick(names);
    }

    LocalDate birthDateForAge(int age) {
        return today.minusYears(age).minusDays(1 + random.nextInt(360));
    }

    /** A synthetic ID number with a valid check digit, issued in 兰考县, unique in this run. */
    String idNumber(LocalDate birthDate, Sex sex) {
        while (true) {
            int sequence = random.nextInt(500) * 2 + (sex == Sex.MALE ? 1 : 0);
            String id =
                    ResidentIdNumber.of(DemoCounty.COUNTY, birthDate, sequence).value();
            if (usedIds.add(id)) {
                return id;
            }
        }
    }

    String mobile() {
        String[] prefixes = {"138", "139", "150", "151", "158", "186", "187", "135", "177", "199"};
        return pick(List.of(prefixes)) + String.format("%08d", random.nextInt(100_000_000));
    }

    Sex sex() {
        return random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
    }

    int between(int lowInclusive, int highInclusive) {
        return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
