package org.casework.web.clients;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.casework.core.clients.CategorySource;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.ChildProfile;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientCategory;
import org.casework.core.clients.ElderlyProfile;
import org.casework.core.clients.HouseholdRelation;
import org.casework.core.clients.LivingArrangement;
import org.casework.core.clients.ParentStatus;
import org.casework.core.clients.Sex;

/** The client page's profile: numbers masked, regions named, categories active first. */
public record ClientView(
        UUID id,
        long version,
        String fullName,
        Sex sex,
        LocalDate birthDate,
        int age,
        String ethnicity,
        String maskedIdNumber,
        String noIdReason,
        String maskedPhone,
        String hukouPlace,
        String residencePlace,
        String address,
        UUID householdId,
        HouseholdRelation relationToHead,
        Child child,
        Elderly elderly,
        List<Category> categories) {

    /** The child profile with the guardian's and carer's phones masked. */
    public record Child(
            ParentStatus fatherStatus,
            String fatherWorkplace,
            ParentStatus motherStatus,
            String motherWorkplace,
            String guardianName,
            String guardianRelation,
            String guardianPhone,
            String carerName,
            String carerRelation,
            String carerPhone,
            String school,
            LocalDate lastParentContact) {

        static Child of(ChildProfile p) {
            return p == null
                    ? null
                    : new Child(
                            p.getFatherStatus(),
                            p.getFatherWorkplace(),
                            p.getMotherStatus(),
                            p.getMotherWorkplace(),
                            p.getGuardianName(),
                            p.getGuardianRelation(),
                            ClientFormOptions.mask(p.getGuardianPhone()),
                            p.getCarerName(),
                            p.getCarerRelation(),
                            ClientFormOptions.mask(p.getCarerPhone()),
                            p.getSchool(),
                            p.getLastParentContact());
        }
    }

    /** The elderly profile. */
    public record Elderly(LivingArrangement livingArrangement, String supporters) {

        static Elderly of(ElderlyProfile p) {
            return p == null ? null : new Elderly(p.getLivingArrangement(), p.getSupporters());
        }
    }

    /** A dated category, ended or not. */
    public record Category(
            UUID id,
            CategoryType type,
            CategorySubType subType,
            LocalDate validFrom,
            LocalDate validTo,
            CategorySource source,
            String verifiedBy,
            String endReason,
            boolean active) {

        static Category of(ClientCategory c, LocalDate today) {
            return new Category(
                    c.getId(),
                    c.getType(),
                    c.getSubType(),
                    c.getValidFrom(),
                    c.getValidTo(),
                    c.getSource(),
                    c.getVerifiedBy(),
                    c.getEndReason(),
                    c.isActiveOn(today));
        }
    }

    static ClientView of(Client c, String hukouPlace, String residencePlace, LocalDate today) {
        return new ClientView(
                c.getId(),
                c.getVersion() == null ? 0 : c.getVersion(),
                c.getFullName(),
                c.getSex(),
                c.getBirthDate(),
                c.ageOn(today),
                c.getEthnicity(),
                c.maskedIdNumber(),
                c.getNoIdReason(),
                c.maskedPhone(),
                hukouPlace,
                residencePlace,
                c.getAddress(),
                c.getHouseholdId(),
                c.getRelationToHead(),
                Child.of(c.getChildProfile()),
                Elderly.of(c.getElderlyProfile()),
                c.getCategories().stream()
                        .map(cat -> Category.of(cat, today))
                        .sorted((a, b) -> Boolean.compare(b.active(), a.active()))
                        .toList());
    }
}
