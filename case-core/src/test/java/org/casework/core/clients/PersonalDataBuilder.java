package org.casework.core.clients;

import java.time.LocalDate;
import java.util.UUID;
import org.casework.core.shared.RegionCode;

/** Test data in the domain's words: {@code aChild().born(...).withId(...).build()}. */
final class PersonalDataBuilder {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private String fullName = "任浩然";
    private Sex sex = Sex.MALE;
    private LocalDate birthDate = LocalDate.of(2016, 5, 3);
    private ResidentIdNumber idNumber = ResidentIdNumber.of("410225", birthDate, 13);
    private String noIdReason;
    private PhoneNumber phone;
    private String village = "410225101201";
    private UUID householdId;
    private HouseholdRelation relation;
    private ChildProfile child;
    private ElderlyProfile elderly;

    static PersonalDataBuilder aChild() {
        return new PersonalDataBuilder();
    }

    static PersonalDataBuilder anElderlyWoman() {
        return new PersonalDataBuilder().named("曹桂英").female().born(LocalDate.of(1950, 2, 1));
    }

    PersonalDataBuilder named(String name) {
        this.fullName = name;
        return this;
    }

    PersonalDataBuilder female() {
        this.sex = Sex.FEMALE;
        this.idNumber = idNumber == null ? null : ResidentIdNumber.of("410225", birthDate, 12);
        return this;
    }

    PersonalDataBuilder born(LocalDate date) {
        this.birthDate = date;
        this.idNumber = ResidentIdNumber.of("410225", date, sex == Sex.MALE ? 13 : 12);
        return this;
    }

    PersonalDataBuilder bornWithoutMatchingId(LocalDate date) {
        this.birthDate = date;
        return this;
    }

    PersonalDataBuilder withoutId(String reason) {
        this.idNumber = null;
        this.noIdReason = reason;
        return this;
    }

    PersonalDataBuilder withPhone(String number) {
        this.phone = PhoneNumber.parse(number);
        return this;
    }

    PersonalDataBuilder inVillage(String code) {
        this.village = code;
        return this;
    }

    PersonalDataBuilder inHousehold(UUID id, HouseholdRelation relation) {
        this.householdId = id;
        this.relation = relation;
        return this;
    }

    PersonalDataBuilder withChildProfile(ChildProfile profile) {
        this.child = profile;
        return this;
    }

    PersonalDataBuilder living(LivingArrangement arrangement) {
        this.elderly = new ElderlyProfile(arrangement, null);
        return this;
    }

    PersonalData build() {
        return new PersonalData(
                fullName,
                sex,
                birthDate,
                "汉族",
                idNumber,
                noIdReason,
                phone,
                new RegionCode(village),
                new RegionCode(village),
                null,
                householdId,
                relation,
                child,
                elderly);
    }
}
