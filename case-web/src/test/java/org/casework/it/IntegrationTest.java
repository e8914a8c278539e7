package org.casework.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole station server on a random port, over a real database (H2, or MariaDB with
 * {@code -Pmariadb}), seeded with the demo county. Tests share one context: each makes its own data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import({TestClockConfiguration.class, CountingPasswordEncoder.Wrapping.class})
public @interface IntegrationTest {}
