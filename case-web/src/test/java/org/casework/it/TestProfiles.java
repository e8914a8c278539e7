package org.casework.it;

import org.springframework.test.context.ActiveProfilesResolver;

/** The "test" profile, plus "it-mariadb" when the suite runs against a real MariaDB. */
public class TestProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        return TestDatabase.onMariaDb() ? new String[] {"test", "it-mariadb"} : new String[] {"test"};
    }
}
