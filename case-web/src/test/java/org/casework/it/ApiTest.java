package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.casework.it.fixtures.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Base of the HTTP integration tests: the running server, an {@link Api} client and a
 * {@link Registry} to make test data with. One instance per class, so fixtures made in
 * {@code @BeforeAll} can be used by every test of the class.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest {

    @LocalServerPort
    private int port;

    protected Api api;
    protected Registry registry;

    @BeforeAll
    void connect() {
        // each class from its own client address: login throttles per address never add up across classes
        api = new Api(port).from(Api.someAddress());
        registry = new Registry(api);
    }

    protected String token(String username) {
        return api.tokenFor(username);
    }

    /** Every item of a paged list, following the pages to the end. */
    protected List<JsonNode> allItems(String path, String token) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            Api.Response r = api.get(path + separator + "size=200&page=" + page, token);
            assertThat(r.status()).as("%s: %s", path, r.raw().body()).isEqualTo(200);
            r.body().get("items").forEach(items::add);
            if (page + 1 >= r.body().get("totalPages").asInt()) {
                return items;
            }
        }
    }

    protected static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    protected static List<String> texts(List<JsonNode> items, String field) {
        return items.stream().map(i -> i.get(field).asString()).toList();
    }
}
