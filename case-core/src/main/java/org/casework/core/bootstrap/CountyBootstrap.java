package org.casework.core.bootstrap;

import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.AccountService;
import org.casework.core.accounts.AccountService.NewUser;
import org.casework.core.accounts.UserAccountRepository;
import org.casework.core.bootstrap.CountyFoundation.ImportedRegions;
import org.casework.core.regions.RegionService;
import org.casework.core.security.Role;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first start of a county in production: a database with no administrator gets the county's
 * regions, its guidance centre and stations, and the first administrator, who then creates every
 * other account through the web or the API. Used by the {@code bootstrap} command of the jar.
 */
@Service
@RequiredArgsConstructor
public class CountyBootstrap {

    private final UserAccountRepository accounts;
    private final CountyFoundation foundation;
    private final RegionService regions;
    private final AccountService accountService;

    /** The first administrator; the password obeys the same policy as every account's. */
    public record FirstAdministrator(String username, String displayName, String password) {}

    /** What the bootstrap created. */
    public record Result(String countyName, int townships, int villages, int stations, String administrator) {}

    /**
     * Sets up the county, all or nothing (one transaction).
     *
     * @throws ConflictException an administrator exists already: the bootstrap runs only once
     * @throws InvalidInputException not a county code, a county without townships in the shipped
     *     files (they cover Henan), or an administrator the account rules refuse (e.g. a short password)
     */
    @Transactional
    public Result bootstrap(RegionCode county, FirstAdministrator administrator) {
        if (accounts.existsByRole(Role.ADMINISTRATOR)) {
            throw new ConflictException("bootstrap.administratorExists");
        }
        if (county.level() != RegionLevel.COUNTY) {
            throw new InvalidInputException("county", "bootstrap.county.level", county.value());
        }
        ImportedRegions imported = foundation.importRegions(county);
        String countyName =
                regions.requireLevel(county, RegionLevel.COUNTY, "county").getName();
        if (imported.townships() == 0) {
            throw new InvalidInputException("county", "bootstrap.county.noTownships", county.value());
        }
        Map<String, UUID> organisations = foundation.createCentreAndStations(county);
        accountService.createUnchecked(new NewUser(
                administrator.username(),
                administrator.displayName(),
                administrator.password(),
                Role.ADMINISTRATOR,
                county.value(),
                organisations.get("county")));
        return new Result(
                countyName,
                imported.townships(),
                imported.villages(),
                organisations.size() - 1,
                administrator.username());
    }
}
