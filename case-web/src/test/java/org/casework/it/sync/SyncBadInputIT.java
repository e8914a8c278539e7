package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.TestData;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The devices' door refuses bad bodies with problems, never a 500: a body labelled gzip that is
 * not gzip (400, before authentication), a gzip bomb (413 stating the inflated limit), and control
 * characters in a text, refused by the same rule as the API and the web forms.
 */
class SyncBadInputIT extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private TestDevice device;

    @BeforeAll
    void aDevice() {
        UserBuilder director = UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG);
        registry.createUser(director);
        device = new TestDevice(new SyncHttp(port), director.username()).register(director.password());
    }

    @Test
    void aBodyLabelledGzipThatIsNotGzipIsA400EvenWithoutAToken() throws Exception {
        for (String token : new String[] {null, device.accessToken}) {
            HttpResponse<String> r = post("/api/sync/v1/sync", "{\"mutations\":[]}".getBytes(), token);

            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(r.body()).get("code").asString()).isEqualTo("error.malformed.gzip");
        }
        HttpResponse<String> register = post("/api/sync/v1/devices", "not gzip".getBytes(), null);
        assertThat(register.statusCode()).isEqualTo(400);
    }

    @Test
    void aGzipBombIsRefusedWith413StatingTheLimit() throws Exception {
        // 40 MB of spaces inside a JSON object compress to about 40 KB
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write("{\"mutations\":[".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 40; i++) {
                gzip.write(spaces);
            }
            gzip.write("]}".getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> r = post("/api/sync/v1/sync", compressed.toByteArray(), device.accessToken);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("code").asString()).isEqualTo("error.bodyTooLarge");
        assertThat(problem.get("detail").asString()).contains("32 MB");
        assertThat(problem.get("limitBytes").asLong()).isEqualTo(32L * 1024 * 1024);
    }

    @Test
    void controlCharactersInAnOfflineEditAreRefusedByTheSameRule() {
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("fullName", TestData.uniqueName());
        child.put("sex", "FEMALE");
        child.put("birthDate", TestData.today().minusYears(8).toString());
        child.put("noIdReason", "未落户");
        child.put("residenceRegionCode", Villages.RENZHUANG);
        child.put("guardianName", "王\u0000桂英");
        child.put("category", "LEFT_BEHIND_CHILD");

        SyncHttp.Reply r =
                device.sync(List.of(device.mutation("REGISTER_CHILD", UUID.randomUUID(), child)), null, false);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode result = r.body().get("results").get(0);
        assertThat(result.get("status").asString()).isEqualTo("REJECTED");
        assertThat(result.get("code").asString()).isEqualTo("error.text.controlCharacters");
        assertThat(result.get("errors").get(0).get("field").asString()).isEqualTo("guardianName");
    }

    /** A POST labelled gzip, whatever the body is. */
    private HttpResponse<String> post(String path, byte[] body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(
                request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
