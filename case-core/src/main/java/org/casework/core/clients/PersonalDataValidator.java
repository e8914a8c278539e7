package org.casework.core.clients;

import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.ClientInput.ChildProfileInput;
import org.casework.core.clients.ClientInput.ElderlyProfileInput;
import org.casework.core.households.HouseholdService;
import org.casework.core.regions.RegionService;
import org.casework.core.security.Actor;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.FieldCipher;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.springframework.stereotype.Component;

/** Turns typed input into validated personal data, or refuses it with the field at fault. */
@Component
@RequiredArgsConstructor
class PersonalDataValidator {

    private final RegionService regions;
    private final HouseholdService households;
    private final FieldCipher cipher;
    private final Clock clock;

    PersonalData validate(Actor actor, ClientInput input) {
        ResidentIdNumber id = blank(input.idNumber()) ? null : ResidentIdNumber.parse(input.idNumber(), clock);
        PhoneNumber phone = blank(input.phone()) ? null : PhoneNumber.parse(input.phone());
        if (blank(input.residenceRegionCode())) {
            throw new InvalidInputException("residenceRegionCode", "client.residence.required");
        }
        RegionCode residence = region("residenceRegionCode", input.residenceRegionCode());
        regions.requireLevel(residence, RegionLevel.VILLAGE, "residenceRegionCode");
        if (!actor.covers(residence)) {
            throw new AccessDeniedException("error.outsideJurisdiction");
        }
        RegionCode hukou = null;
        if (!blank(input.hukouRegionCode())) {
            hukou = region("hukouRegionCode", input.hukouRegionCode());
            // any level will do for hukou: this is an existence check that names the field at fault
            regions.requireLevel(hukou, hukou.level(), "hukouRegionCode");
        }
        if (input.householdId() != null && !households.isVisible(input.householdId())) {
            throw new InvalidInputException("householdId", "client.household.unknown");
        }
        return new PersonalData(
                input.fullName(),
                input.sex(),
                input.birthDate(),
                FreeText.line("ethnicity", input.ethnicity(), Client.ETHNICITY_MAX_LENGTH),
                id,
                FreeText.block("noIdReason", input.noIdReason(), Client.NO_ID_REASON_MAX_LENGTH),
                phone,
                hukou,
                residence,
                FreeText.line("address", input.address(), Client.ADDRESS_MAX_LENGTH),
                input.householdId(),
                input.relationToHead(),
                child(input.child()),
                elderly(input.elderly()));
    }

    /** The blind index that makes ID numbers unique without storing them in clear. */
    String blindIndex(ResidentIdNumber id) {
        return id == null ? null : cipher.blindIndex(id.indexForm());
    }

    private static ChildProfile child(ChildProfileInput in) {
        if (in == null) {
            return null;
        }
        return new ChildProfile(
                in.fatherStatus(),
                FreeText.line("fatherWorkplace", in.fatherWorkplace(), ChildProfile.WORKPLACE_MAX_LENGTH),
                in.motherStatus(),
                FreeText.line("motherWorkplace", in.motherWorkplace(), ChildProfile.WORKPLACE_MAX_LENGTH),
                FreeText.line("guardianName", in.guardianName(), ChildProfile.NAME_MAX_LENGTH),
                FreeText.line("guardianRelation", in.guardianRelation(), ChildProfile.RELATION_MAX_LENGTH),
                blank(in.guardianPhone()) ? null : phone("guardianPhone", in.guardianPhone()),
                FreeText.line("carerName", in.carerName(), ChildProfile.NAME_MAX_LENGTH),
                FreeText.line("carerRelation", in.carerRelation(), ChildProfile.RELATION_MAX_LENGTH),
                blank(in.carerPhone()) ? null : phone("carerPhone", in.carerPhone()),
                FreeText.line("school", in.school(), ChildProfile.SCHOOL_MAX_LENGTH),
                in.lastParentContact());
    }

    /** Region errors name the input field at fault, so a form can show them in the right place. */
    private static RegionCode region(String field, String raw) {
        try {
            return RegionCode.parse(raw);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.getMessageKey(), e.getArguments());
        }
    }

    private static String phone(String field, String raw) {
        try {
            return PhoneNumber.parse(raw).value();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, "client.phone.invalid");
        }
    }

    private static ElderlyProfile elderly(ElderlyProfileInput in) {
        return in == null
                ? null
                : new ElderlyProfile(
                        in.livingArrangement(),
                        FreeText.line("supporters", in.supporters(), ElderlyProfile.SUPPORTERS_MAX_LENGTH));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
