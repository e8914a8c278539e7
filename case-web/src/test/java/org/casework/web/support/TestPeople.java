package org.casework.web.support;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.core.clients.ResidentIdNumber;

/**
 * Test people that never collide with the demo county or with each other: four-character names
 * (demo names have two or three, so their pinyin initials are unique too) and random valid IDs.
 */
public final class TestPeople {

    /** Given-name characters with one common reading each, so pinyin search is predictable. */
    private static final String GIVEN = "安博成德恩芳浩佳凯明宁鹏琪瑞松婷伟欣阳哲";

    /**
     * Names handed out in this JVM. Tests share one database per Spring context, so a random name
     * repeated by a later test (8,000 combinations, birthday odds) made "nothing saved under this
     * name" assertions fail at random.
     */
    private static final Set<String> GIVEN_OUT = ConcurrentHashMap.newKeySet();

    private TestPeople() {}

    public static String uniqueName() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            StringBuilder name = new StringBuilder("欧");
            for (int i = 0; i < 3; i++) {
                name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
            }
            if (GIVEN_OUT.add(name.toString())) {
                return name.toString();
            }
        }
    }

    /** A child of 6 to 12 born on a random day. */
    public static LocalDate childBirthDate() {
        return LocalDate.now()
                .minusYears(6)
                .minusDays(ThreadLocalRandom.current().nextInt(6 * 365));
    }

    /** A valid 18-character number from the demo county; odd sequence numbers are male. */
    public static String maleIdNumber(LocalDate birthDate) {
        int sequence = ThreadLocalRandom.current().nextInt(500) * 2 + 1;
        return ResidentIdNumber.of("410225", birthDate, sequence).value();
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheckDigit(String idNumber) {
        char check = idNumber.charAt(17);
        char wrong = check == '0' ? '1' : '0';
        return idNumber.substring(0, 17) + wrong;
    }
}
