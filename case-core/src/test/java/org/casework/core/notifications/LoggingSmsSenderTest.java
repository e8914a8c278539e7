package org.casework.core.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.casework.core.clients.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The default sender logs the kind and a masked number, never the number or the text. */
@ExtendWith(OutputCaptureExtension.class)
class LoggingSmsSenderTest {

    @Test
    void logsTheKindAndAMaskedPhoneOnly(CapturedOutput output) {
        new LoggingSmsSender()
                .send(NotificationKind.FLAG_RAISED, new PhoneNumber("13812345678"), "任庄村有一条红色风险上报，请尽快研判。");

        assertThat(output.getAll())
                .contains("FLAG_RAISED")
                .contains("138****5678")
                .doesNotContain("13812345678")
                .doesNotContain("任庄村");
    }
}
