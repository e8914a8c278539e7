package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.DemoUsers.ADMIN;
import static org.casework.it.fixtures.DemoUsers.COUNTY_SUPERVISOR;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_RENZHUANG;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.LIAISON;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;

import java.util.List;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who sees which indicators: supervisors their own jurisdiction or a part of it, nobody else. */
class IndicatorsScopingIT extends ApiTest {

    private Api.Response get(String query, String user) {
        return api.get("/api/v1/indicators" + query, user == null ? null : token(user));
    }

    private static List<String> regionCodes(JsonNode indicators) {
        return texts(list(indicators.get("visits").get("byRegion")), "regionCode");
    }

    @Test
    void theCountySupervisorSeesTheCountyByTownshipOrByVillage() {
        Api.Response r = get("", COUNTY_SUPERVISOR);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.body().get("jurisdiction").asString()).isEqualTo(Villages.COUNTY);
        assertThat(r.body().get("breakdown").asString()).isEqualTo("REGION");
        assertThat(regionCodes(r.body())).contains(Villages.GUYANG, Villages.NANZHANG, "410225209");
        assertThat(regionCodes(r.body())).allMatch(code -> code.length() == 9 && code.startsWith(Villages.COUNTY));

        Api.Response villages = get("?breakdown=village", COUNTY_SUPERVISOR);
        assertThat(villages.status()).isEqualTo(200);
        assertThat(regionCodes(villages.body())).contains(Villages.RENZHUANG, Villages.SIZHAI);
        assertThat(regionCodes(villages.body())).allMatch(code -> code.length() == 12);

        assertThat(get("?jurisdiction=" + Villages.NANZHANG, COUNTY_SUPERVISOR).status())
                .isEqualTo(200);
    }

    @Test
    void aStationHeadSeesOnlyTheirTownship() {
        Api.Response own = get("", HEAD_GUYANG);
        assertThat(own.status()).as(own.raw().body()).isEqualTo(200);
        assertThat(own.body().get("jurisdiction").asString()).isEqualTo(Villages.GUYANG);
        assertThat(own.body().get("jurisdictionName").asString()).isEqualTo("堌阳镇");
        assertThat(regionCodes(own.body())).contains(Villages.RENZHUANG);
        assertThat(regionCodes(own.body())).allMatch(code -> code.startsWith(Villages.GUYANG));
        // The demo township has registry clients: the figures are not all empty.
        assertThat(own.body().get("dataQuality").get("clients").asLong()).isPositive();

        Api.Response village = get("?jurisdiction=" + Villages.RENZHUANG, HEAD_GUYANG);
        assertThat(village.status()).isEqualTo(200);
        assertThat(regionCodes(village.body())).containsExactly(Villages.RENZHUANG);

        Api.Response other = get("?jurisdiction=" + Villages.NANZHANG, HEAD_GUYANG);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().get("detail").asString()).isEqualTo("只能查看本辖区的督导指标。");
        assertThat(get("?jurisdiction=" + Villages.COUNTY, HEAD_GUYANG).status())
                .isEqualTo(403);
        assertThat(get("?jurisdiction=" + Villages.SIZHAI, HEAD_GUYANG).status())
                .isEqualTo(403);
    }

    @Test
    void villageDirectorsWorkersLiaisonsAndAdministratorsAreRefused() {
        assertThat(get("", DIRECTOR_RENZHUANG).status()).isEqualTo(403);
        assertThat(get("?jurisdiction=" + Villages.RENZHUANG, DIRECTOR_RENZHUANG)
                        .status())
                .isEqualTo(403);
        assertThat(get("", STATION_GUYANG).status()).isEqualTo(403);
        assertThat(get("", LIAISON).status()).isEqualTo(403);
        assertThat(get("", ADMIN).status()).isEqualTo(403);
        assertThat(get("", null).status()).isEqualTo(401);
    }

    @Test
    void aBadPeriodOrRegionIsAClearError() {
        Api.Response reversed = get("?from=2026-03-10&to=2026-03-01", COUNTY_SUPERVISOR);
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body().get("detail").asString()).isEqualTo("统计期间的开始日期不能晚于结束日期。");
        Api.Response tooLong = get("?from=2025-01-01&to=2026-06-30", COUNTY_SUPERVISOR);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("detail").asString()).contains("366");
        assertThat(get("?jurisdiction=41x", COUNTY_SUPERVISOR).status()).isEqualTo(400);
        assertThat(get("?from=yesterday", COUNTY_SUPERVISOR).status()).isEqualTo(400);
        assertThat(get("?breakdown=street", COUNTY_SUPERVISOR).status()).isEqualTo(400);
        assertThat(get("?jurisdiction=410225999", COUNTY_SUPERVISOR).status()).isEqualTo(404);
    }

    @Test
    void theOperationIsInTheOpenApiDocument() {
        Api.Response doc = api.get("/v3/api-docs", null);
        JsonNode operation = doc.body().get("paths").get("/api/v1/indicators").get("get");
        assertThat(texts(list(operation.get("parameters")), "name"))
                .containsExactlyInAnyOrder("jurisdiction", "from", "to", "breakdown");
    }
}
