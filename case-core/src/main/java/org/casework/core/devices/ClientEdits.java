package org.casework.core.devices;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.core.clients.ChildProfile;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientInput;
import org.casework.core.clients.ClientInput.ChildProfileInput;
import org.casework.core.clients.ClientInput.ElderlyProfileInput;
import org.casework.core.clients.ElderlyProfile;
import org.casework.core.clients.LivingArrangement;
import org.casework.core.clients.ParentStatus;
import org.casework.core.clients.Sex;
import org.casework.core.shared.InvalidInputException;

/**
 * The client profile fields a device may edit (protocol §2.1, EDIT_PROFILE: the list is the
 * protocol module's {@code SyncNames.EDITABLE_PROFILE_FIELDS}), their current server values, and the
 * {@link ClientInput} that writes an edit through {@code ClientService.update} — the same validation
 * as a correction on the web. Here in the core because the station's conflict review uses it too.
 */
public final class ClientEdits {

    /**
     * Risk-like fields and their urgency (least to most urgent). An elderly person living alone
     * (独居) is the one the visit rules watch most closely, so a raise to ALONE made on a phone is
     * never erased by a concurrent change at the station, nor the station's raise by the phone.
     */
    public static final Map<String, Comparator<Object>> URGENCY =
            Map.of("living", Comparator.comparingInt(v -> "ALONE".equals(text(v)) ? 1 : 0));

    private ClientEdits() {}

    /** The server's values of the editable fields, in the device's notation. */
    public static Map<String, Object> values(Client c) {
        ChildProfile child = c.getChildProfile();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", c.getFullName());
        v.put("sex", c.getSex().name());
        v.put("birthDate", c.getBirthDate().toString());
        v.put("address", c.getAddress());
        v.put("guardianName", child == null ? null : child.getGuardianName());
        v.put("guardianRelation", child == null ? null : child.getGuardianRelation());
        v.put("guardianPhone", child == null ? null : child.getGuardianPhone());
        v.put("carerName", child == null ? null : child.getCarerName());
        v.put("carerPhone", child == null ? null : child.getCarerPhone());
        v.put(
                "fatherStatus",
                child == null || child.getFatherStatus() == null
                        ? null
                        : child.getFatherStatus().name());
        v.put(
                "motherStatus",
                child == null || child.getMotherStatus() == null
                        ? null
                        : child.getMotherStatus().name());
        v.put("school", child == null ? null : child.getSchool());
        ElderlyProfile elderly = c.getElderlyProfile();
        v.put(
                "living",
                elderly == null || elderly.getLivingArrangement() == null
                        ? null
                        : elderly.getLivingArrangement().name());
        return v;
    }

    /** The client as it is, with the given fields replaced: input for {@code ClientService.update}. */
    public static ClientInput withChanges(Client c, Map<String, Object> changes) {
        Map<String, Object> v = values(c);
        v.putAll(changes);
        ChildProfile child = c.getChildProfile();
        ChildProfileInput childInput = new ChildProfileInput(
                parent(v.get("fatherStatus"), "fatherStatus"),
                child == null ? null : child.getFatherWorkplace(),
                parent(v.get("motherStatus"), "motherStatus"),
                child == null ? null : child.getMotherWorkplace(),
                text(v.get("guardianName")),
                text(v.get("guardianRelation")),
                text(v.get("guardianPhone")),
                text(v.get("carerName")),
                child == null ? null : child.getCarerRelation(),
                text(v.get("carerPhone")),
                text(v.get("school")),
                child == null ? null : child.getLastParentContact());
        boolean hasChild = child != null || childInput.guardianName() != null || childInput.fatherStatus() != null;
        ElderlyProfile elderly = c.getElderlyProfile();
        return new ClientInput(
                text(v.get("name")),
                sex(v.get("sex")),
                date(v.get("birthDate"), "birthDate"),
                c.getEthnicity(),
                c.getIdNumber(),
                c.getNoIdReason(),
                c.getPhone(),
                c.getHukouRegionCode(),
                c.getResidenceRegionCode(),
                text(v.get("address")),
                c.getHouseholdId(),
                c.getRelationToHead(),
                hasChild ? childInput : null,
                elderly == null && v.get("living") == null
                        ? null
                        : new ElderlyProfileInput(
                                living(v.get("living")), elderly == null ? null : elderly.getSupporters()),
                List.of(),
                null);
    }

    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    public static Sex sex(Object value) {
        String text = text(value);
        try {
            return text == null ? null : Sex.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sex", "sync.field.invalid");
        }
    }

    public static LivingArrangement living(Object value) {
        String text = text(value);
        try {
            return text == null ? null : LivingArrangement.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("living", "sync.field.invalid");
        }
    }

    public static ParentStatus parent(Object value, String field) {
        String text = text(value);
        try {
            return text == null ? null : ParentStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "sync.field.invalid");
        }
    }

    public static LocalDate date(Object value, String field) {
        String text = text(value);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (RuntimeException e) {
            throw new InvalidInputException(field, "sync.field.invalid");
        }
    }
}
