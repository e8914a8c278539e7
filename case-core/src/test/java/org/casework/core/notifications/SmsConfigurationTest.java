package org.casework.core.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.casework.core.clients.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which SMS sender a deployment gets: the logging one unless it brings a gateway. */
class SmsConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(SmsConfiguration.class);

    static class Gateway implements SmsSender {
        @Override
        public void send(PhoneNumber phone, String text) {}
    }

    @Test
    void withoutAGatewayMessagesAreOnlyLogged() {
        context.run(c -> assertThat(c).getBean(SmsSender.class).isInstanceOf(LoggingSmsSender.class));
    }

    @Test
    void aDeploymentsGatewayReplacesTheLoggingSender() {
        context.withBean(Gateway.class)
                .run(c -> assertThat(c).getBean(SmsSender.class).isInstanceOf(Gateway.class));
    }

    @Test
    void namingAnotherGatewaySwitchesTheLoggingSenderOff() {
        context.withPropertyValues("casework.sms.gateway=aliyun")
                .run(c -> assertThat(c).doesNotHaveBean(SmsSender.class));
    }
}
