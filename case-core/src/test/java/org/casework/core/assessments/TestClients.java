package org.casework.core.assessments;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.UUID;
import org.casework.core.clients.Client;
import org.casework.core.clients.PersonalData;
import org.casework.core.clients.Sex;
import org.casework.core.shared.RegionCode;
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

    /** The registry's view of the inserted child (born 1 March 2016), for a mocked registry to return. */
    static Client aChild(UUID id) {
        return born(id, LocalDate.of(2016, 3, 1));
    }

    /** The same record as an elderly man (born 1 March 1946), for the elderly instruments. */
    static Client anElderlyMan(UUID id) {
        return born(id, LocalDate.of(1946, 3, 1));
    }

    private static Client born(UUID id, LocalDate birthDate) {
        Client client = new Client(
                new PersonalData(
                        "王小明",
                        Sex.MALE,
                        birthDate,
                        null,
                        null,
                        "未落户",
                        null,
                        null,
                        RegionCode.parse("410225100201"),
                        null,
                        null,
                        null,
                        null,
                        null),
                null,
                LocalDate.now());
        client.assignId(id);
        return client;
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
