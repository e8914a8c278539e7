package org.casework.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.casework.sync.client.cli.DeviceMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceMainTest {

    static final String CHILD = "7d1f6a2e-0000-4000-8000-000000000001";

    @TempDir
    Path dir;

    FakeSyncServer server;
    String out;
    String err;

    @BeforeEach
    void start() throws Exception {
        server = new FakeSyncServer();
        server.upsert("client", CHILD, "410225101201", Json.object().put("name", "王小明"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        String[] full = new String[args.length + 4];
        full[0] = "--server";
        full[1] = server.uri().toString();
        full[2] = "--db";
        full[3] = dir.resolve("device.db").toString();
        System.arraycopy(args, 0, full, 4, args.length);
        int code = DeviceMain.run(
                full,
                new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void registersEditsOfflineAndSyncs() {
        assertThat(run("register", "--user", "director-renzhuang", "--password", "secret"))
                .isZero();
        assertThat(out).startsWith("deviceId=");
        assertThat(run("sync")).isZero();

        assertThat(run("log-visit", "--client", CHILD, "--notes", "家访", "--duration", "30"))
                .isZero();
        assertThat(run(
                        "raise-flag",
                        "--client",
                        CHILD,
                        "--village",
                        "410225101201",
                        "--type",
                        "NEGLECT",
                        "--severity",
                        "RED",
                        "--description",
                        "无人照看"))
                .isZero();
        assertThat(run("status")).isZero();
        assertThat(out).contains("pending=2", "records.client=1", "state.PENDING=2");

        assertThat(run("sync")).isZero();
        assertThat(out).contains("sent=2", "applied=2", "pending=0");
        assertThat(run("flags")).isZero();
        assertThat(out).contains("王小明", "SYNCED");
        assertThat(server.applications).hasSize(2);
    }

    @Test
    void registersAChildAddsANoteAndEditsAProfile() {
        run("register", "--user", "director-renzhuang", "--password", "secret");
        run("sync");

        assertThat(run(
                        "register-child",
                        "--name",
                        "赵小芳",
                        "--sex",
                        "FEMALE",
                        "--birth-date",
                        "2016-03-08",
                        "--village",
                        "410225101201",
                        "--no-id-reason",
                        "未办理",
                        "--guardian-name",
                        "赵大娘",
                        "--guardian-relation",
                        "GRANDMOTHER",
                        "--guardian-phone",
                        "13700001234"))
                .isZero();
        assertThat(run(
                        "raise-flag",
                        "--subject-name",
                        "无名儿童",
                        "--village",
                        "410225101201",
                        "--type",
                        "NEGLECT",
                        "--severity",
                        "RED",
                        "--description",
                        "独自在家"))
                .isZero();
        String flag = out.trim().substring("flag=".length());
        assertThat(run("add-note", "--flag", flag, "--text", "已联系村委")).isZero();
        assertThat(run("edit-profile", "--client", CHILD, "--set", "school=任庄小学", "--set", "guardianPhone=13900003333"))
                .isZero();
        assertThat(run("edit-profile", "--client", CHILD, "--set", "idMasked=x"))
                .isEqualTo(1);

        assertThat(run("sync")).isZero();
        assertThat(out).contains("sent=4", "applied=4", "pending=0");
        assertThat(run("children")).isZero();
        assertThat(out).contains("赵小芳", "王小明");
    }

    @Test
    void aRevokedDeviceExitsWithThreeAndIsWiped() {
        run("register", "--user", "director-renzhuang", "--password", "secret");
        run("sync");
        server.revoked = true;

        assertThat(run("sync")).isEqualTo(3);
        assertThat(run("status")).isZero();
        assertThat(out).contains("registered=false", "pending=0").doesNotContain("records.client");
    }

    @Test
    void aWrongCommandLineExitsWithTwo() {
        assertThat(run("log-visit", "--client", "not-a-uuid")).isEqualTo(2);
        assertThat(err).contains("usage:");
        assertThat(run("teleport")).isEqualTo(2);
    }

    @Test
    void aRefusedRegistrationExitsWithFour() {
        assertThat(run("register", "--user", "director-renzhuang", "--password", "wrong"))
                .isEqualTo(4);
        assertThat(err).contains("auth.badCredentials");
    }
}
