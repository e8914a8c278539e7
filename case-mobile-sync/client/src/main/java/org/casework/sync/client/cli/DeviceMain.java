package org.casework.sync.client.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.casework.sync.client.DeviceRevokedException;
import org.casework.sync.client.LocalQueries;
import org.casework.sync.client.OfflineEdits.FlagReport;
import org.casework.sync.client.OfflineEdits.VisitLog;
import org.casework.sync.client.StoredRecord;
import org.casework.sync.client.SyncClient;
import org.casework.sync.client.SyncException;
import org.casework.sync.client.SyncReport;
import org.casework.sync.protocol.MutationPayload.RegisterChild;

/**
 * A simulated field device on the command line: one SQLite file is one device. Output is {@code
 * key=value} lines so scripts and the benchmark can read it. Exit codes: 0 done, 1 failure, 2 bad
 * command line, 3 device revoked (store wiped), 4 sync failed (work kept for the next sync).
 */
public final class DeviceMain {

    static final String USAGE = """
            usage: DeviceMain [--server URL] --db FILE COMMAND [options]
              register       --user NAME --password PW [--name DEVICE_NAME]
              sync           [--limit CHANGES_PER_PAGE]
              raise-flag     --village CODE --type TYPE --severity RED|ORANGE|YELLOW|GREEN --description TEXT
                             (--client ID | --subject-name N [--subject-sex S] [--subject-age Y] [--guardian-contact C])
                             [--observed-at ISO_INSTANT] [--place TEXT]
              log-visit      --client ID [--type HOME_VISIT|PHONE_CALL|VIDEO_CALL] [--duration MIN] [--notes TEXT]
                             [--occurred-at ISO_INSTANT]
              add-note       --flag ID --text TEXT
              register-child --name N --sex S --birth-date YYYY-MM-DD --village CODE (--id-number X | --no-id-reason R)
                             --guardian-name N --guardian-relation R --guardian-phone P
                             [--father-status S] [--mother-status S] [--category C]
              edit-profile   --client ID --set FIELD=VALUE [--set FIELD=VALUE ...]
              status | children [--village CODE] | flags
            --server is needed for register and sync only.""";

    private DeviceMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments a;
        try {
            a = new Arguments(args);
            if (a.command == null) {
                throw new Arguments.UsageException("no command");
            }
            a.require("db");
            if (a.get("server") == null && (a.command.equals("register") || a.command.equals("sync"))) {
                throw new Arguments.UsageException("--server is required for " + a.command);
            }
        } catch (Arguments.UsageException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        SyncClient.Config config = new SyncClient.Config().database(Path.of(a.get("db")));
        if (a.get("server") != null) {
            config.server(URI.create(a.get("server")));
        } else {
            config.transport((path, json, bearer) -> {
                throw new IllegalStateException("no --server given");
            });
        }
        if (a.integer("limit") != null) {
            config.pullLimit(a.integer("limit"));
        }
        try (SyncClient client = SyncClient.open(config)) {
            return new Commands(client, a, out).run();
        } catch (Arguments.UsageException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (DeviceRevokedException e) {
            err.println("revoked: this device was revoked; its local store has been wiped");
            return 3;
        } catch (SyncException e) {
            err.println("sync failed: " + e.getMessage() + (e.code() == null ? "" : " (" + e.code() + ")"));
            return 4;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** The commands, each a few lines over the client facade. */
    private record Commands(SyncClient client, Arguments a, PrintStream out) {

        int run() {
            switch (a.command) {
                case "register" -> register();
                case "sync" -> sync();
                case "raise-flag" -> print("flag", raiseFlag());
                case "log-visit" -> print("visit", logVisit());
                case "add-note" -> print("note", client.edits().addNote(uuid("flag"), a.require("text")));
                case "register-child" -> print("client", registerChild());
                case "edit-profile" -> editProfile();
                case "status" -> status();
                case "children" -> children();
                case "flags" -> flags();
                default -> throw new Arguments.UsageException("unknown command: " + a.command);
            }
            return 0;
        }

        private void register() {
            var warnings = client.register(
                    a.require("user"), a.require("password"), a.get("name") == null ? "cli" : a.get("name"));
            print("deviceId", client.deviceId());
            warnings.forEach(w -> print("warning", w));
        }

        private void sync() {
            SyncReport r = client.sync();
            Map<String, Object> lines = new LinkedHashMap<>();
            lines.put("requests", r.requests());
            lines.put("sent", r.sent());
            lines.put("applied", r.applied());
            lines.put("rejected", r.rejected());
            lines.put("conflicts", r.conflicts());
            lines.put("quarantined", r.quarantined());
            lines.put("changes", r.changes());
            lines.put("ack", r.ack());
            lines.put("pending", r.pending());
            lines.forEach(this::print);
            r.resynced().forEach(s -> print("resynced", s));
            r.warnings().forEach(w -> print("warning", w));
        }

        private UUID raiseFlag() {
            return client.edits()
                    .raiseFlag(new FlagReport(
                            a.get("client") == null ? null : uuid("client"),
                            a.get("subject-name"),
                            a.get("subject-sex"),
                            a.integer("subject-age"),
                            a.get("guardian-contact"),
                            a.require("village"),
                            a.require("type"),
                            a.require("severity"),
                            a.require("description"),
                            a.get("observed-at") == null ? Instant.now() : Instant.parse(a.get("observed-at")),
                            a.get("place")));
        }

        private UUID logVisit() {
            return client.edits()
                    .logVisit(new VisitLog(
                            uuid("client"),
                            a.get("type") == null ? "HOME_VISIT" : a.get("type"),
                            a.get("occurred-at") == null ? Instant.now() : Instant.parse(a.get("occurred-at")),
                            a.integer("duration"),
                            a.get("notes"),
                            null));
        }

        private UUID registerChild() {
            return client.edits()
                    .registerChild(new RegisterChild(
                            a.require("name"),
                            a.require("sex"),
                            LocalDate.parse(a.require("birth-date")),
                            a.require("village"),
                            a.get("id-number"),
                            a.get("no-id-reason"),
                            a.require("guardian-name"),
                            a.require("guardian-relation"),
                            a.require("guardian-phone"),
                            a.get("father-status"),
                            a.get("mother-status"),
                            a.get("category")));
        }

        private void editProfile() {
            Map<String, String> changes = new LinkedHashMap<>();
            for (String pair : a.all("set")) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new Arguments.UsageException("--set takes FIELD=VALUE");
                }
                changes.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            if (changes.isEmpty()) {
                throw new Arguments.UsageException("edit-profile needs at least one --set");
            }
            client.edits().editProfile(uuid("client"), changes);
            print("client", a.get("client"));
        }

        private void status() {
            print("registered", client.registered());
            print("deviceId", client.deviceId());
            print("pending", client.queries().pendingCount());
            print(
                    "lastSync",
                    client.queries().lastSyncTime().map(Instant::toString).orElse(""));
            Map<String, Integer> counts = new TreeMap<>();
            for (String type : new String[] {
                "client", "household", "visitDue", "flag", "visit", "note", "region", "flagType", "visitType"
            }) {
                for (StoredRecord r : client.store().recordsOfType(type)) {
                    counts.merge("records." + type, 1, Integer::sum);
                    counts.merge("state." + r.state(), 1, Integer::sum);
                }
            }
            counts.forEach(this::print);
            for (StoredRecord r : client.queries().needingAttention()) {
                print(
                        "attention",
                        r.type() + " " + r.id() + " " + r.state() + " " + (r.reason() == null ? "" : r.reason()));
            }
        }

        private void children() {
            for (LocalQueries.ChildSummary c : client.queries().children(a.get("village"))) {
                print(
                        "child",
                        c.id() + "\t" + c.name() + "\t" + c.due() + "\t" + (c.nextDueOn() == null ? "" : c.nextDueOn())
                                + "\t" + c.state());
            }
        }

        private void flags() {
            for (StoredRecord f : client.queries().myFlags()) {
                print(
                        "flag",
                        f.id() + "\t" + f.field("subjectName") + "\t" + f.field("severity") + "\t" + f.field("status")
                                + "\t" + f.state());
            }
        }

        private UUID uuid(String option) {
            try {
                return UUID.fromString(a.require(option));
            } catch (IllegalArgumentException e) {
                throw new Arguments.UsageException("--" + option + " must be a UUID");
            }
        }

        private void print(String key, Object value) {
            out.println(key + "=" + value);
        }
    }
}
