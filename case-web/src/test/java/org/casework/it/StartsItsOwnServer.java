package org.casework.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that starts its own server (a process of the packaged jar, a second instance, or an
 * application with other settings) instead of sharing the suite's server. Each costs 30-150 s, so
 * they are the {@code startup} group: not in the README's quick command, run by {@code .ci/run}
 * (on H2 and on MariaDB) and by hand with {@code -Pstartup}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("startup")
public @interface StartsItsOwnServer {}
