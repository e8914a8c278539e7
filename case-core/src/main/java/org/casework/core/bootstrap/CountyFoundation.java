package org.casework.core.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationService;
import org.casework.core.organisations.OrganisationService.NewOrganisation;
import org.casework.core.organisations.OrganisationType;
import org.casework.core.regions.Region;
import org.casework.core.regions.RegionImporter;
import org.casework.core.regions.RegionService;
import org.casework.core.shared.RegionCode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A county's reference data and organisations as the demo county and a real county both start:
 * the official divisions shipped in {@code regions/} (all provinces, cities and counties of China;
 * townships and villages of Henan), the county guidance centre (县级社会工作指导中心) and a social work
 * station (社会工作站) in every township and street. No authorization check: only for startup code
 * (the bootstrap command, the demo seeder), never for a request.
 */
@Component
@RequiredArgsConstructor
public class CountyFoundation {

    /** The shipped division files, in import order (parents first), and which rows each contributes. */
    private static final String[] NATIONAL = {"provinces.csv", "cities.csv", "areas.csv"};

    private static final String[] LOCAL = {"henan-townships.csv", "henan-villages.csv"};

    private final RegionImporter importer;
    private final RegionService regions;
    private final OrganisationService organisations;

    /** Regions imported: the national levels, then the county's townships and villages. */
    public record ImportedRegions(int townships, int villages) {}

    /**
     * Imports the provinces, cities and counties of China and the townships and villages of the
     * county from the shipped files. Importing again changes nothing (names are updated, codes kept).
     */
    public ImportedRegions importRegions(RegionCode county) {
        for (String file : NATIONAL) {
            importFile(file, "");
        }
        int townships = importFile(LOCAL[0], county.value());
        int villages = importFile(LOCAL[1], county.value());
        return new ImportedRegions(townships, villages);
    }

    /**
     * Creates the county guidance centre and a station per township (state farms and forest
     * institutes, codes 4xx and above, are township-level but get no station).
     *
     * @return the organisations' ids: the centre under {@code "county"}, each station under its
     *     township's code
     */
    public Map<String, UUID> createCentreAndStations(RegionCode county) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        Region countyRegion = regions.require(county);
        ids.put("county", create(OrganisationType.COUNTY_CENTRE, countyRegion.getName() + "社会工作指导中心", county.value()));
        for (Region township : regions.children(county)) {
            if (!isStateFarm(township)) {
                ids.put(
                        township.getCode(),
                        create(OrganisationType.TOWNSHIP_STATION, township.getName() + "社会工作站", township.getCode()));
            }
        }
        return ids;
    }

    /** Codes 4xx and above are state farms and institutes (园艺场, 林场): township-level, but no station. */
    static boolean isStateFarm(Region township) {
        return township.getCode().charAt(6) >= '4';
    }

    private UUID create(OrganisationType type, String name, String region) {
        Organisation created = organisations.createUnchecked(new NewOrganisation(type, name, region, null, null, null));
        return created.getId();
    }

    private int importFile(String name, String prefix) {
        try (InputStream in = new ClassPathResource("regions/" + name).getInputStream()) {
            RegionImporter.ImportResult result = importer.importCsv(in, prefix);
            return result.added() + result.renamed() + result.unchanged();
        } catch (IOException e) {
            throw new UncheckedIOException("Bundled region file missing: " + name, e);
        }
    }
}
