package org.casework.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The server's password encoder, counting how often each raw password was checked: a test proves
 * that a login for an unknown user still runs the (slow) hash check without timing anything.
 */
public class CountingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();

    CountingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    /** How many times this raw password was checked against a hash since the server started. */
    public int checksOf(String rawPassword) {
        AtomicInteger count = checks.get(rawPassword);
        return count == null ? 0 : count.get();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        checks.computeIfAbsent(String.valueOf(rawPassword), k -> new AtomicInteger())
                .incrementAndGet();
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** Wraps the application's encoder bean. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Wrapping {

        @Bean
        static BeanPostProcessor countingPasswordEncoder() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof PasswordEncoder encoder && !(bean instanceof CountingPasswordEncoder)
                            ? new CountingPasswordEncoder(encoder)
                            : bean;
                }
            };
        }
    }
}
