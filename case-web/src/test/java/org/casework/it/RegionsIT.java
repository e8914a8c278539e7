package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.ClientRegistryIT.assertProblem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The division tree as reference data: everyone logged in can browse it; only administrators
 * import the official CSV files, which add and rename by code, are idempotent, and are refused
 * whole when one row is bad.
 */
class RegionsIT extends ApiTest {

    /** 考城镇 of 兰考县; its real villages are numbered 200 to 250. */
    private static final String KAOCHENG = "410225103";

    private static final String HEADER = "code,name,streetCode,provinceCode,cityCode,areaCode\n";

    @Test
    void listsTheTownshipsOfTheDemoCounty() {
        Response r = api.get("/api/v1/regions?parent=" + Villages.COUNTY, token(DemoUsers.STATION_GUYANG));

        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> townships = list(r.body());
        assertThat(townships).hasSizeGreaterThanOrEqualTo(16);
        assertThat(townships).allSatisfy(t -> {
            assertThat(t.get("level").asString()).isEqualTo("TOWNSHIP");
            assertThat(t.get("parentCode").asString()).isEqualTo(Villages.COUNTY);
        });
        assertThat(townships)
                .anySatisfy(t -> {
                    assertThat(t.get("code").asString()).isEqualTo(Villages.GUYANG);
                    assertThat(t.get("name").asString()).isEqualTo("堌阳镇");
                })
                .anySatisfy(t -> assertThat(t.get("name").asString()).isEqualTo("南彰镇"));
    }

    @Test
    void listsTheVillagesOfATownshipAndTheProvinces() {
        List<JsonNode> villages = list(api.get("/api/v1/regions?parent=" + Villages.GUYANG, token(DemoUsers.LIAISON))
                .body());
        List<JsonNode> provinces =
                list(api.get("/api/v1/regions", token(DemoUsers.LIAISON)).body());

        assertThat(villages).anySatisfy(v -> {
            assertThat(v.get("code").asString()).isEqualTo(Villages.RENZHUANG);
            assertThat(v.get("name").asString()).isEqualTo("任庄村");
            assertThat(v.get("level").asString()).isEqualTo("VILLAGE");
        });
        assertThat(provinces).hasSizeGreaterThanOrEqualTo(31).anySatisfy(p -> {
            assertThat(p.get("code").asString()).isEqualTo("41");
            assertThat(p.get("name").asString()).isEqualTo("河南省");
        });
    }

    @Test
    void regionsNeedALogin() {
        assertProblem(api.get("/api/v1/regions?parent=" + Villages.COUNTY, null), 401, "error.unauthenticated");
    }

    @Test
    void importsAddRenameAndAreIdempotent() {
        String east = newVillageCode();
        String west = newVillageCode();
        String file = HEADER + row(east, "测试东村") + row(west, "测试西村");

        JsonNode first = registry.importRegions(file);

        assertResult(first, 2, 0, 0);
        assertThat(nameOf(east)).isEqualTo("测试东村");
        assertThat(api.get("/api/v1/regions/" + west, token(DemoUsers.STATION_GUYANG))
                        .body()
                        .get("parentCode")
                        .asString())
                .isEqualTo(KAOCHENG);
        assertThat(list(api.get("/api/v1/regions?parent=" + KAOCHENG, token(DemoUsers.STATION_GUYANG))
                                .body())
                        .stream()
                        .map(v -> v.get("code").asString()))
                .contains(east, west);

        assertResult(registry.importRegions(file), 0, 0, 2);

        JsonNode renamed = registry.importRegions(HEADER + row(east, "测试东社区") + row(west, "测试西村"));

        assertResult(renamed, 0, 1, 1);
        assertThat(nameOf(east)).isEqualTo("测试东社区");
        assertThat(nameOf(west)).isEqualTo("测试西村");
    }

    @Test
    void aBadRowRefusesTheWholeFile() {
        String good = newVillageCode();
        String file = HEADER + row(good, "好村") + "41022510X,坏行\n";

        Response r = upload(file, DemoUsers.ADMIN);

        assertProblem(r, 400, "region.import.badRow");
        // the header is row 1, so the bad row is row 3 of the file
        assertThat(r.body().get("detail").asString()).isEqualTo("导入文件第 3 行格式不正确，整个文件未导入。");
        assertUnknown(good);
    }

    @Test
    void aVillageWithoutItsTownshipRefusesTheWholeFile() {
        String good = newVillageCode();
        String orphan =
                "410225199" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        String file = HEADER + row(good, "好村") + row(orphan, "孤村");

        Response r = upload(file, DemoUsers.ADMIN);

        assertProblem(r, 400, "region.import.parentMissing");
        assertUnknown(good);
        assertUnknown(orphan);
    }

    @ParameterizedTest
    @ValueSource(strings = {DemoUsers.COUNTY_SUPERVISOR, DemoUsers.STATION_GUYANG, DemoUsers.LIAISON})
    void onlyAdministratorsImport(String user) {
        String code = newVillageCode();

        Response r = upload(HEADER + row(code, "越权村"), user);

        assertProblem(r, 403, "error.forbidden");
        assertUnknown(code);
    }

    private Response upload(String csv, String user) {
        return api.multipart(
                "/api/v1/regions/import", "villages.csv", csv.getBytes(StandardCharsets.UTF_8), token(user));
    }

    /** A village code under 考城镇 that neither the official data nor another test uses. */
    private String newVillageCode() {
        while (true) {
            String code = KAOCHENG + (500 + ThreadLocalRandom.current().nextInt(500));
            if (api.get("/api/v1/regions/" + code, token(DemoUsers.ADMIN)).status() == 400) {
                return code;
            }
        }
    }

    private static String row(String code, String name) {
        return code + ",\"" + name + "\"," + KAOCHENG + ",41,4102," + Villages.COUNTY + "\n";
    }

    private String nameOf(String code) {
        Response r = api.get("/api/v1/regions/" + code, token(DemoUsers.STATION_GUYANG));
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("name").asString();
    }

    private void assertUnknown(String code) {
        assertProblem(api.get("/api/v1/regions/" + code, token(DemoUsers.ADMIN)), 400, "region.code.unknown");
    }

    private static void assertResult(JsonNode result, int added, int renamed, int unchanged) {
        assertThat(result.get("added").asInt()).as("added").isEqualTo(added);
        assertThat(result.get("renamed").asInt()).as("renamed").isEqualTo(renamed);
        assertThat(result.get("unchanged").asInt()).as("unchanged").isEqualTo(unchanged);
    }
}
