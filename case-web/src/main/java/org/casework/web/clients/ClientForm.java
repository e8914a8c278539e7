package org.casework.web.clients;

import java.time.LocalDate;
import java.util.UUID;
import lombok.Getter;
import lombok.Setter;
import org.casework.core.clients.HouseholdRelation;
import org.casework.core.clients.LivingArrangement;
import org.casework.core.clients.ParentStatus;
import org.casework.core.clients.Sex;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The register/edit form as typed. Validation is the core service's job; this only carries values
 * back to the page when the service refuses them, so nothing entered is lost.
 */
@Getter
@Setter
public class ClientForm {

    private Long version;
    private String fullName;
    private Sex sex;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;

    private String ethnicity;
    private String idNumber;
    private String noIdReason;
    private String phone;
    private String hukouRegionCode;
    private String residenceRegionCode;
    private String address;
    private UUID householdId;
    private HouseholdRelation relationToHead;
    private ChildForm child = new ChildForm();
    private ElderlyForm elderly = new ElderlyForm();
    private CategoryForm category = new CategoryForm();
    private String duplicateOverrideReason;

    /** A child's care situation. */
    @Getter
    @Setter
    public static class ChildForm {
        private ParentStatus fatherStatus;
        private String fatherWorkplace;
        private ParentStatus motherStatus;
        private String motherWorkplace;
        private String guardianName;
        private String guardianRelation;
        private String guardianPhone;
        private String carerName;
        private String carerRelation;
        private String carerPhone;
        private String school;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate lastParentContact;
    }

    /** An elderly person's living arrangement and supporters. */
    @Getter
    @Setter
    public static class ElderlyForm {
        private LivingArrangement livingArrangement;
        private String supporters;
    }
}
