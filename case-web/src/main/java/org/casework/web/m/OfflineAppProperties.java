package org.casework.web.m;

import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the offline web app that a county may change.
 *
 * @param offlineLoginDays how long after its last contact with the server a phone may still be
 *     unlocked without a network
 * @param emergencyNumbers local numbers shown with a mandatory-report flag, after the police (110),
 *     which is always shown
 */
@ConfigurationProperties("casework.pwa")
@Validated
public record OfflineAppProperties(@Positive Integer offlineLoginDays, List<EmergencyNumber> emergencyNumbers) {

    public OfflineAppProperties {
        offlineLoginDays = offlineLoginDays == null ? 14 : offlineLoginDays;
        emergencyNumbers = emergencyNumbers == null
                ? List.of(new EmergencyNumber("12355", "青少年服务热线", "Youth service hotline"))
                : List.copyOf(emergencyNumbers);
    }

    /** A number to call, with its name in both languages of the app. */
    public record EmergencyNumber(String number, String name, String nameEn) {}
}
