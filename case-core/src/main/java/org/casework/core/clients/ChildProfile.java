package org.casework.core.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.EncryptedStringConverter;

/**
 * What a station needs to know about a child's care: each parent's status and work place, the
 * guardian (监护人) and entrusted carer (委托照护人, 未保法 Art. 22), school and last parent contact.
 * The free texts (work places, names, school) and the phones are encrypted at rest; the statuses
 * and relations are codes and short labels.
 */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
@AllArgsConstructor
public class ChildProfile {

    public static final int WORKPLACE_MAX_LENGTH = 200;
    public static final int NAME_MAX_LENGTH = 50;
    public static final int RELATION_MAX_LENGTH = 30;
    public static final int SCHOOL_MAX_LENGTH = 100;

    @Enumerated(EnumType.STRING)
    @Column(name = "father_status", length = 30)
    private ParentStatus fatherStatus;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "father_workplace_enc", columnDefinition = "TEXT")
    private String fatherWorkplace;

    @Enumerated(EnumType.STRING)
    @Column(name = "mother_status", length = 30)
    private ParentStatus motherStatus;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "mother_workplace_enc", columnDefinition = "TEXT")
    private String motherWorkplace;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "guardian_name_enc", columnDefinition = "TEXT")
    private String guardianName;

    @Column(name = "guardian_relation", length = 30)
    private String guardianRelation;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "guardian_phone_enc", length = 200)
    private String guardianPhone;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "carer_name_enc", columnDefinition = "TEXT")
    private String carerName;

    @Column(name = "carer_relation", length = 30)
    private String carerRelation;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "carer_phone_enc", length = 200)
    private String carerPhone;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "school_enc", columnDefinition = "TEXT")
    private String school;

    @Column(name = "last_parent_contact")
    private LocalDate lastParentContact;

    /**
     * Whether the parents' situation fits the definition of a 留守儿童 (民政部): both parents working
     * away, or one working away and the other unable to guard the child. True while a parent's
     * situation is not known: the registry may learn it later; only a known misfit is refused.
     */
    public boolean fitsLeftBehindDefinition() {
        if (unknown(fatherStatus) || unknown(motherStatus)) {
            return true;
        }
        return (fatherStatus == ParentStatus.WORKING_AWAY && awayOrUnable(motherStatus))
                || (motherStatus == ParentStatus.WORKING_AWAY && awayOrUnable(fatherStatus));
    }

    private static boolean unknown(ParentStatus status) {
        return status == null || status == ParentStatus.UNKNOWN;
    }

    private static boolean awayOrUnable(ParentStatus status) {
        return status != ParentStatus.AT_HOME;
    }

    /** True when neither parent is at home: the first sign of a left-behind child. */
    public boolean bothParentsAway() {
        return fatherStatus != null
                && fatherStatus != ParentStatus.AT_HOME
                && motherStatus != null
                && motherStatus != ParentStatus.AT_HOME;
    }
}
