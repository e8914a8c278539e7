package org.casework.core.notifications;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMS sender used unless the deployment brings its own: {@code casework.sms.gateway=log} (the
 * default) logs instead of sending. A deployment with a gateway adds an {@link SmsSender} bean and
 * sets the property to its gateway's name.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    @ConditionalOnProperty(name = "casework.sms.gateway", havingValue = "log", matchIfMissing = true)
    SmsSender loggingSmsSender() {
        return new LoggingSmsSender();
    }
}
