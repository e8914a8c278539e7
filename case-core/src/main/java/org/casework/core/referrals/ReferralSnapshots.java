package org.casework.core.referrals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.ChildProfile;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientCategory;
import org.casework.core.regions.RegionService;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * The copy of the chosen client fields a referral carries at send time: what leaves the registry
 * for a department, and nothing more. Kept apart from the referral service, which decides whether
 * and to whom; this class only reads the values.
 */
@Component
@RequiredArgsConstructor
class ReferralSnapshots {

    private final RegionService regions;

    /** Exactly the chosen fields, as they are now; nothing else of the client leaves the registry. */
    Map<SharedField, String> of(
            Client client, RiskLevel risk, Set<SharedField> fields, String caseSummary, LocalDate today) {
        Map<SharedField, String> values = new LinkedHashMap<>();
        for (SharedField field : fields) {
            values.put(field, valueOf(field, client, risk, caseSummary, today));
        }
        return values;
    }

    private String valueOf(SharedField field, Client client, RiskLevel risk, String caseSummary, LocalDate today) {
        return switch (field) {
            case NAME -> client.getFullName();
            case SEX -> client.getSex().name();
            case AGE -> String.valueOf(client.ageOn(today));
            case VILLAGE -> villageName(client.getResidenceRegionCode());
            case GUARDIAN_CONTACT -> guardianContact(client.getChildProfile());
            case PHONE -> client.getPhone();
            case ID_NUMBER -> client.getIdNumber();
            case CATEGORIES -> {
                String codes = client.getCategories().stream()
                        .filter(c -> c.isActiveOn(today))
                        .map(ClientCategory::getType)
                        .distinct()
                        .map(Enum::name)
                        .collect(Collectors.joining(","));
                yield codes.isEmpty() ? null : codes;
            }
            case RISK_LEVEL -> risk == null ? null : risk.name();
            case CASE_SUMMARY -> {
                if (caseSummary == null || caseSummary.isBlank()) {
                    throw new InvalidInputException("caseSummary", "referral.caseSummary.required");
                }
                String summary = caseSummary.strip();
                FreeText.checkCharacters("caseSummary", summary, true);
                if (summary.length() > Referral.REASON_MAX_LENGTH) {
                    throw new InvalidInputException("caseSummary", "referral.text.tooLong", Referral.REASON_MAX_LENGTH);
                }
                yield summary;
            }
        };
    }

    private String villageName(String village) {
        String township = village.substring(0, Math.min(9, village.length()));
        Map<String, String> names = regions.namesOf(List.of(township, village));
        return village.equals(township)
                ? names.getOrDefault(township, village)
                : names.getOrDefault(township, township) + " " + names.getOrDefault(village, village);
    }

    private static String guardianContact(ChildProfile child) {
        if (child == null || child.getGuardianName() == null) {
            return null;
        }
        StringBuilder contact = new StringBuilder(child.getGuardianName());
        if (child.getGuardianRelation() != null) {
            contact.append("（").append(child.getGuardianRelation()).append("）");
        }
        if (child.getGuardianPhone() != null) {
            contact.append(' ').append(child.getGuardianPhone());
        }
        return contact.toString();
    }
}
