package org.casework.core.referrals;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.EncryptedStringConverter;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;

/**
 * The basis on which a referral shares client information: who consented and when, or the legal
 * basis of a supervisor's override. A referral cannot be sent without one.
 */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Consent {

    public static final int NAME_MAX_LENGTH = 50;
    public static final int REASON_MAX_LENGTH = 500;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_basis", nullable = false, length = 30)
    private ConsentBasis basis;

    /** The guardian's name: encrypted at rest. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "consented_by_enc", columnDefinition = "TEXT")
    private String consentedBy;

    @Column(name = "consented_on")
    private LocalDate consentedOn;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "consent_override_reason_enc", columnDefinition = "TEXT")
    private String overrideReason;

    private Consent(ConsentBasis basis, String consentedBy, LocalDate consentedOn, String overrideReason) {
        this.basis = basis;
        this.consentedBy = consentedBy;
        this.consentedOn = consentedOn;
        this.overrideReason = overrideReason;
    }

    /**
     * Checks the consent as entered. The client's consent needs its date (today if left out), the
     * guardian's also who gave it; an override needs its legal basis. Whether the user may
     * override is the service's question.
     */
    public static Consent of(
            ConsentBasis basis, String consentedBy, LocalDate consentedOn, String overrideReason, LocalDate today) {
        if (basis == null) {
            throw new InvalidInputException("consent.basis", "referral.consent.required");
        }
        LocalDate on = consentedOn == null ? today : consentedOn;
        if (on.isAfter(today)) {
            throw new InvalidInputException("consent.consentedOn", "referral.consent.dateInFuture");
        }
        return switch (basis) {
            case CLIENT_CONSENT ->
                new Consent(basis, text("consent.consentedBy", consentedBy, NAME_MAX_LENGTH), on, null);
            case GUARDIAN_CONSENT -> {
                String who = text("consent.consentedBy", consentedBy, NAME_MAX_LENGTH);
                if (who == null) {
                    throw new InvalidInputException("consent.consentedBy", "referral.consent.guardianRequired");
                }
                yield new Consent(basis, who, on, null);
            }
            case LEGAL_BASIS_OVERRIDE -> {
                String why = text("consent.overrideReason", overrideReason, REASON_MAX_LENGTH);
                if (why == null || why.length() < 4) {
                    throw new InvalidInputException(
                            "consent.overrideReason", "referral.consent.overrideReasonRequired");
                }
                yield new Consent(basis, null, null, why);
            }
        };
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        FreeText.checkCharacters(field, v, true);
        if (v.length() > max) {
            throw new InvalidInputException(field, "referral.text.tooLong", max);
        }
        return v;
    }
}
