package org.casework.web.clients;

import java.util.List;
import java.util.Map;
import org.casework.core.clients.ChildProfile;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientInput;
import org.casework.core.clients.ClientInput.ChildProfileInput;
import org.casework.core.clients.ClientInput.ElderlyProfileInput;
import org.casework.core.clients.ElderlyProfile;
import org.casework.web.clients.ClientForm.ChildForm;
import org.casework.web.clients.ClientForm.ElderlyForm;

/**
 * Converts between the form and the service's input. Full ID and phone numbers never go into an
 * edit form: their fields start empty and "empty" means "keep the stored number", so a user
 * without the unmask permission can correct a name without seeing or retyping the numbers.
 */
final class ClientForms {

    /** Service field names that sit elsewhere on the form. */
    static final Map<String, String> FIELD_PATHS = Map.ofEntries(
            Map.entry("fatherWorkplace", "child.fatherWorkplace"),
            Map.entry("motherWorkplace", "child.motherWorkplace"),
            Map.entry("guardianName", "child.guardianName"),
            Map.entry("guardianRelation", "child.guardianRelation"),
            Map.entry("guardianPhone", "child.guardianPhone"),
            Map.entry("carerName", "child.carerName"),
            Map.entry("carerRelation", "child.carerRelation"),
            Map.entry("carerPhone", "child.carerPhone"),
            Map.entry("school", "child.school"),
            Map.entry("supporters", "elderly.supporters"),
            Map.entry("category", "category.type"),
            Map.entry("regionCode", "hukouRegionCode"));

    private ClientForms() {}

    static ClientInput forRegistration(ClientForm f) {
        List<ClientInput.NewCategory> categories =
                f.getCategory().isEmpty() ? List.of() : List.of(f.getCategory().toInput());
        return input(f, f.getIdNumber(), f.getPhone(), child(f.getChild(), null), categories);
    }

    /** The stored client supplies the numbers the user left empty. */
    static ClientInput forUpdate(ClientForm f, Client stored) {
        boolean keepId = blank(f.getIdNumber()) && blank(f.getNoIdReason());
        String id = keepId ? stored.getIdNumber() : f.getIdNumber();
        String phone = blank(f.getPhone()) ? stored.getPhone() : f.getPhone();
        return input(f, id, phone, child(f.getChild(), stored.getChildProfile()), null);
    }

    private static ClientInput input(
            ClientForm f, String id, String phone, ChildProfileInput child, List<ClientInput.NewCategory> categories) {
        return new ClientInput(
                f.getFullName(),
                f.getSex(),
                f.getBirthDate(),
                f.getEthnicity(),
                id,
                blank(id) ? f.getNoIdReason() : null,
                phone,
                f.getHukouRegionCode(),
                f.getResidenceRegionCode(),
                f.getAddress(),
                f.getHouseholdId(),
                f.getRelationToHead(),
                child,
                elderly(f.getElderly()),
                categories,
                blank(f.getDuplicateOverrideReason()) ? null : f.getDuplicateOverrideReason());
    }

    /** No section filled in means no profile, so an edit does not record a change that is not one. */
    private static ChildProfileInput child(ChildForm c, ChildProfile stored) {
        String guardianPhone =
                blank(c.getGuardianPhone()) && stored != null ? stored.getGuardianPhone() : c.getGuardianPhone();
        String carerPhone = blank(c.getCarerPhone()) && stored != null ? stored.getCarerPhone() : c.getCarerPhone();
        boolean empty = c.getFatherStatus() == null
                && c.getMotherStatus() == null
                && c.getLastParentContact() == null
                && allBlank(
                        c.getFatherWorkplace(),
                        c.getMotherWorkplace(),
                        c.getGuardianName(),
                        c.getGuardianRelation(),
                        guardianPhone,
                        c.getCarerName(),
                        c.getCarerRelation(),
                        carerPhone,
                        c.getSchool());
        if (empty) {
            return null;
        }
        return new ChildProfileInput(
                c.getFatherStatus(),
                c.getFatherWorkplace(),
                c.getMotherStatus(),
                c.getMotherWorkplace(),
                c.getGuardianName(),
                c.getGuardianRelation(),
                guardianPhone,
                c.getCarerName(),
                c.getCarerRelation(),
                carerPhone,
                c.getSchool(),
                c.getLastParentContact());
    }

    private static ElderlyProfileInput elderly(ElderlyForm e) {
        return e.getLivingArrangement() == null && blank(e.getSupporters())
                ? null
                : new ElderlyProfileInput(e.getLivingArrangement(), e.getSupporters());
    }

    /** The edit form of a stored client; number fields stay empty (see the class comment). */
    static ClientForm of(Client c) {
        ClientForm f = new ClientForm();
        f.setVersion(c.getVersion() == null ? 0 : c.getVersion());
        f.setFullName(c.getFullName());
        f.setSex(c.getSex());
        f.setBirthDate(c.getBirthDate());
        f.setEthnicity(c.getEthnicity());
        f.setNoIdReason(c.getNoIdReason());
        f.setHukouRegionCode(c.getHukouRegionCode());
        f.setResidenceRegionCode(c.getResidenceRegionCode());
        f.setAddress(c.getAddress());
        f.setHouseholdId(c.getHouseholdId());
        f.setRelationToHead(c.getRelationToHead());
        ChildProfile cp = c.getChildProfile();
        if (cp != null) {
            ChildForm child = f.getChild();
            child.setFatherStatus(cp.getFatherStatus());
            child.setFatherWorkplace(cp.getFatherWorkplace());
            child.setMotherStatus(cp.getMotherStatus());
            child.setMotherWorkplace(cp.getMotherWorkplace());
            child.setGuardianName(cp.getGuardianName());
            child.setGuardianRelation(cp.getGuardianRelation());
            child.setCarerName(cp.getCarerName());
            child.setCarerRelation(cp.getCarerRelation());
            child.setSchool(cp.getSchool());
            child.setLastParentContact(cp.getLastParentContact());
        }
        ElderlyProfile ep = c.getElderlyProfile();
        if (ep != null) {
            f.getElderly().setLivingArrangement(ep.getLivingArrangement());
            f.getElderly().setSupporters(ep.getSupporters());
        }
        return f;
    }

    private static boolean allBlank(String... values) {
        for (String v : values) {
            if (!blank(v)) {
                return false;
            }
        }
        return true;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
