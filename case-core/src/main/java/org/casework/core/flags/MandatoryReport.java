package org.casework.core.flags;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.AbstractAggregate;
import org.casework.core.shared.EncryptedStringConverter;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;

/**
 * The report to the police of one of the nine mandatory-report situations (强制报告), with the
 * notices to 民政 and the minor protection station that must follow it. Recorded for a flag or a
 * case; written once, never changed.
 */
@Entity
@Table(name = "mandatory_report")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class MandatoryReport extends AbstractAggregate {

    public static final int UNIT_MAX_LENGTH = 200;
    /** Officer, receipt number and who reported. */
    public static final int PERSON_MAX_LENGTH = 100;

    @Column(columnDefinition = "BINARY(16)")
    private UUID flagId;

    @Column(columnDefinition = "BINARY(16)")
    private UUID caseId;

    @Column(nullable = false, length = 12)
    private String villageCode;

    @Column(nullable = false)
    private Instant reportedAt;

    @Column(nullable = false, length = 200)
    private String receivingUnit;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "officer_enc", nullable = false, columnDefinition = "TEXT")
    private String officer;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "receipt_number_enc", nullable = false, columnDefinition = "TEXT")
    private String receiptNumber;

    /** Who called the police: the staff member, not the flag's reporter (who stays confidential). */
    @Column(nullable = false, length = 100)
    private String reportedBy;

    @Column(nullable = false)
    private Instant civilAffairsNotifiedAt;

    @Column(nullable = false)
    private Instant minorProtectionNotifiedAt;

    @Column(nullable = false, length = 64)
    private String recordedBy;

    @Column(nullable = false)
    private Instant recordedAt;

    /** What a worker enters: when and to whom the police report was made, and the two notices. */
    public record Details(
            Instant reportedAt,
            String receivingUnit,
            String officer,
            String receiptNumber,
            String reportedBy,
            Instant civilAffairsNotifiedAt,
            Instant minorProtectionNotifiedAt) {}

    MandatoryReport(UUID flagId, UUID caseId, RegionCode village, Details details, String actor, Instant now) {
        this.flagId = flagId;
        this.caseId = caseId;
        this.villageCode = village.value();
        this.reportedAt = pastTime(details.reportedAt(), "reportedAt", now);
        this.receivingUnit = required(details.receivingUnit(), "receivingUnit", UNIT_MAX_LENGTH);
        this.officer = required(details.officer(), "officer", PERSON_MAX_LENGTH);
        this.receiptNumber = required(details.receiptNumber(), "receiptNumber", PERSON_MAX_LENGTH);
        this.reportedBy = required(details.reportedBy(), "reportedBy", PERSON_MAX_LENGTH);
        this.civilAffairsNotifiedAt = pastTime(details.civilAffairsNotifiedAt(), "civilAffairsNotifiedAt", now);
        this.minorProtectionNotifiedAt =
                pastTime(details.minorProtectionNotifiedAt(), "minorProtectionNotifiedAt", now);
        this.recordedBy = actor;
        this.recordedAt = now;
    }

    /** A flag's report follows the case triage opened or linked, so the case shows it too. */
    void linkCase(UUID caseFileId) {
        if (caseId == null) {
            this.caseId = caseFileId;
        }
    }

    private static Instant pastTime(Instant at, String field, Instant now) {
        if (at == null) {
            throw new InvalidInputException(field, "mandatoryReport." + field + ".required");
        }
        if (at.isAfter(now.plus(Flag.CLOCK_TOLERANCE))) {
            throw new InvalidInputException(field, "mandatoryReport.time.future");
        }
        return at;
    }

    private static String required(String text, String field, int maxLength) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new InvalidInputException(field, "mandatoryReport." + field + ".required");
        }
        FreeText.checkCharacters(field, value, false);
        if (value.length() > maxLength) {
            throw new InvalidInputException(field, "mandatoryReport.tooLong", maxLength);
        }
        return value;
    }
}
