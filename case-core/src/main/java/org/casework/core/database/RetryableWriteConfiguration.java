package org.casework.core.database;

import java.time.Duration;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

/**
 * The advisor behind {@link RetryableWrite}. An infrastructure advisor, so the auto-proxy creator of
 * {@code @Transactional} applies it too; its order puts it outside the transaction interceptor
 * (which has the lowest precedence), so every attempt runs in a transaction of its own.
 */
@Configuration(proxyBeanMethods = false)
public class RetryableWriteConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static DefaultPointcutAdvisor retryableWriteAdvisor(
            @Value("${casework.database.write-retries:3}") int retries,
            @Value("${casework.database.write-retry-delay:50ms}") Duration delay) {
        ComposablePointcut pointcut = new ComposablePointcut(
                        AnnotationMatchingPointcut.forClassAnnotation(RetryableWrite.class))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(RetryableWrite.class));
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut, new TransientWriteRetry(retries, delay));
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return advisor;
    }
}
