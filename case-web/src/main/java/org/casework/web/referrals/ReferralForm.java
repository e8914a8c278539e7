package org.casework.web.referrals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.Getter;
import lombok.Setter;
import org.casework.core.referrals.ConsentBasis;
import org.casework.core.referrals.Referral;
import org.casework.core.referrals.ReferralService.ConsentInput;
import org.casework.core.referrals.ReferralService.NewFlagReferral;
import org.casework.core.referrals.ReferralService.NewReferral;
import org.casework.core.referrals.ReferralService.ReReferral;
import org.casework.core.referrals.ReferralUrgency;
import org.casework.core.referrals.SharedField;
import org.springframework.format.annotation.DateTimeFormat;

/** The referral form (new, and re-referral to another department), with the minimum pre-ticked. */
@Getter
@Setter
public class ReferralForm {

    /** The service's field names that differ from the form's properties. */
    static final Map<String, String> FIELD_PATHS = Map.of(
            "consent.basis", "consentBasis",
            "consent.consentedBy", "consentedBy",
            "consent.consentedOn", "consentedOn",
            "consent.overrideReason", "overrideReason",
            "consent", "consentedBy");

    private UUID receivingOrganisationId;
    private String reason;
    private String servicesRequested;
    private ReferralUrgency urgency = ReferralUrgency.NORMAL;
    private ConsentBasis consentBasis;
    private String consentedBy;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate consentedOn;

    private String overrideReason;
    private List<SharedField> sharedFields = new ArrayList<>(SharedField.minimum());
    private String caseSummary;

    /** A re-referral starts from what the old referral asked and shared; consent is asked anew. */
    static ReferralForm from(Referral previous) {
        ReferralForm form = new ReferralForm();
        form.setReason(previous.getReason());
        form.setServicesRequested(previous.getServicesRequested());
        form.setUrgency(previous.getUrgency());
        form.setSharedFields(new ArrayList<>(previous.sharedFields()));
        form.setCaseSummary(previous.sharedValue(SharedField.CASE_SUMMARY).orElse(null));
        return form;
    }

    NewReferral toCommand(UUID caseId) {
        return new NewReferral(
                caseId, receivingOrganisationId, reason, servicesRequested, urgency, consent(), fields(), caseSummary);
    }

    NewFlagReferral toFlagCommand(UUID flagId) {
        return new NewFlagReferral(
                flagId, receivingOrganisationId, reason, servicesRequested, urgency, consent(), fields(), caseSummary);
    }

    ReReferral toReReferral() {
        return new ReReferral(
                receivingOrganisationId, reason, servicesRequested, urgency, consent(), fields(), caseSummary);
    }

    private ConsentInput consent() {
        return consentBasis == null ? null : new ConsentInput(consentBasis, consentedBy, consentedOn, overrideReason);
    }

    private EnumSet<SharedField> fields() {
        return sharedFields == null || sharedFields.isEmpty()
                ? EnumSet.noneOf(SharedField.class)
                : EnumSet.copyOf(sharedFields);
    }
}
