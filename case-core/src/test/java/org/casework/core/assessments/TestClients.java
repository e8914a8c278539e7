package org.casework.core.assessments;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Inserts bare client rows, so assessments can reference them without the registry's rules. */
final class TestClients {

    private TestClients() {}

    static UUID insert(JdbcTemplate jdbc) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                        + " residence_region_code) VALUES (?, 0, '王小明', 'wangxiaoming', 'wxm', 'MALE',"
                        + " DATE '2016-03-01', '410225100201')",
                bytes(id));
        return id;
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
