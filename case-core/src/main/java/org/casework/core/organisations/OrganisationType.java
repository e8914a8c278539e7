package org.casework.core.organisations;

import org.casework.core.shared.RegionLevel;

/** The kinds of organisation in the three-tier service and its partners. */
public enum OrganisationType {
    COUNTY_CENTRE(RegionLevel.COUNTY),
    TOWNSHIP_STATION(RegionLevel.TOWNSHIP),
    VILLAGE_ROOM(RegionLevel.VILLAGE),
    /** Partner department (教育, 公安, 妇联 …); its region is where it serves. */
    PARTNER_DEPARTMENT(null),
    /** The contracted social work organisation processing data on behalf of 民政. */
    SOCIAL_WORK_ORGANISATION(null);

    private final RegionLevel level;

    OrganisationType(RegionLevel level) {
        this.level = level;
    }

    public boolean acceptsRegion(RegionLevel regionLevel) {
        return level == null ? regionLevel != RegionLevel.VILLAGE : level == regionLevel;
    }
}
