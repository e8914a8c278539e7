package org.casework.web.flags;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import lombok.Getter;
import lombok.Setter;
import org.casework.core.clients.Sex;
import org.casework.core.flags.FlagType;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.RiskLevel;
import org.springframework.web.multipart.MultipartFile;

/**
 * Raising a flag: a registry child ({@code clientId}) or, when none is chosen, a minimal new record.
 * Times are typed as China's wall clock in a {@code datetime-local} field and kept as text, so a
 * mistyped value comes back exactly as typed.
 */
@Getter
@Setter
public class FlagForm {

    private UUID clientId;
    private String subjectName;
    private Sex subjectSex;
    private Integer subjectAgeYears;
    private String guardianContact;
    private String villageCode;
    private FlagType type;
    private RiskLevel severity;
    private String description;
    private String observedAt;
    private String observedPlace;
    /** Bound from the multipart request; a file input cannot be filled again after an error. */
    private MultipartFile photo;

    /** A form for now, in the user's only village when they have exactly one. */
    static FlagForm now(Clock clock, String onlyVillage) {
        FlagForm form = new FlagForm();
        form.observedAt =
                localDateTime(ZonedDateTime.now(clock.withZone(ChinaTime.ZONE)).toLocalDateTime());
        form.villageCode = onlyVillage;
        return form;
    }

    /** China's wall-clock time of a {@code datetime-local} value; null when blank. */
    static Instant instant(String value) throws DateTimeParseException {
        if (value == null || value.isBlank()) {
            return null;
        }
        return LocalDateTime.parse(value.strip()).atZone(ChinaTime.ZONE).toInstant();
    }

    static String localDateTime(LocalDateTime at) {
        return at.withSecond(0).withNano(0).toString();
    }
}
