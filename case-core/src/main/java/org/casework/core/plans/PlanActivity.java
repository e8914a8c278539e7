package org.casework.core.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.EncryptedStringConverter;

/**
 * One planned service: what, by whom, by when, and whether it was done. A value: a change gives a
 * new one, so the plan notices every change (and its version moves).
 */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class PlanActivity {

    @Column(name = "activity_id", nullable = false, columnDefinition = "BINARY(16)")
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ActivityType type;

    /** What will be done for the client: encrypted at rest. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "description_enc", nullable = false, columnDefinition = "TEXT")
    private String description;

    @Column(columnDefinition = "BINARY(16)")
    private UUID responsibleWorkerId;

    /** A registered partner organisation responsible instead of a person with an account. */
    @Column(columnDefinition = "BINARY(16)")
    private UUID partnerOrganisationId;

    /** A partner written in by hand (名称): encrypted, it may name a person. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "partner_name_enc", columnDefinition = "TEXT")
    private String partnerName;

    /** The hand-written partner's contact person and phone: encrypted at rest. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "partner_contact_enc", columnDefinition = "TEXT")
    private String partnerContact;

    private LocalDate dueDate;

    private LocalDate doneOn;

    @Column(length = 64)
    private String doneBy;

    PlanActivity(
            UUID id,
            ActivityType type,
            String description,
            ActivityOwner owner,
            LocalDate dueDate,
            LocalDate doneOn,
            String doneBy) {
        this.id = id;
        this.type = type;
        this.description = description;
        this.responsibleWorkerId = owner.userId();
        this.partnerOrganisationId = owner.organisationId();
        this.partnerName = owner.partnerName();
        this.partnerContact = owner.partnerContact();
        this.dueDate = dueDate;
        this.doneOn = doneOn;
        this.doneBy = doneBy;
    }

    public boolean isDone() {
        return doneOn != null;
    }

    /** The same activity under a new id, for the next version of the plan. */
    PlanActivity copy() {
        return new PlanActivity(UUID.randomUUID(), type, description, owner(), dueDate, doneOn, doneBy);
    }

    PlanActivity doneOn(LocalDate date, String actor) {
        return new PlanActivity(id, type, description, owner(), dueDate, date, actor);
    }

    /** Who is responsible: a user (station staff or the village child director) or a partner. */
    public ActivityOwner owner() {
        return new ActivityOwner(responsibleWorkerId, partnerOrganisationId, partnerName, partnerContact);
    }

    /** Complete enough to submit: someone (a person or a partner) is responsible and there is a due date. */
    boolean isScheduled() {
        return !owner().isNone() && dueDate != null;
    }
}
