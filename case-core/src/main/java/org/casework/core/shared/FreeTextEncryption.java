package org.casework.core.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 14.1: encrypts the free texts and sensitive answers that earlier versions kept
 * in clear, from each clear column into its {@code *_enc} twin (added by V14), with the configured
 * key. V14_2 then drops the clear columns.
 *
 * <p>A Spring bean (Spring Boot hands every {@link JavaMigration} bean to Flyway), because only the
 * application knows the key. It works in batches of rows whose twin is still empty, so a run that
 * stopped halfway (a killed process on MySQL, where each batch commits with the migration) simply
 * continues. Values are copied as they are: they were checked when they were written.
 */
@Component
public class FreeTextEncryption implements JavaMigration {

    /** A clear column, its encrypted twin, and the columns that identify a row of its table. */
    record ClearColumn(String table, String clear, String encrypted, List<String> key) {
        ClearColumn(String table, String clear, String encrypted) {
            this(table, clear, encrypted, List.of("id"));
        }
    }

    /** Every column V14 encrypts; V14_2 drops the clear ones. */
    static final List<ClearColumn> COLUMNS = List.of(
            new ClearColumn("client", "address", "address_enc"),
            new ClearColumn("client", "school", "school_enc"),
            new ClearColumn("client", "father_workplace", "father_workplace_enc"),
            new ClearColumn("client", "mother_workplace", "mother_workplace_enc"),
            new ClearColumn("client", "guardian_name", "guardian_name_enc"),
            new ClearColumn("client", "carer_name", "carer_name_enc"),
            new ClearColumn("client", "supporters", "supporters_enc"),
            new ClearColumn("client", "no_id_reason", "no_id_reason_enc"),
            new ClearColumn("client_category", "end_reason", "end_reason_enc"),
            new ClearColumn("household", "address", "address_enc"),
            new ClearColumn("household", "notes", "notes_enc"),
            new ClearColumn("case_file", "intake_note", "intake_note_enc"),
            new ClearColumn("case_file", "evaluation", "evaluation_enc"),
            new ClearColumn("case_file", "follow_up_plan", "follow_up_plan_enc"),
            new ClearColumn("case_transition", "reason", "reason_enc"),
            new ClearColumn("case_risk_change", "reason", "reason_enc"),
            new ClearColumn("assessment", "answers", "answers_enc"),
            new ClearColumn("assessment", "triggers", "triggers_enc"),
            new ClearColumn("assessment", "summary", "summary_enc"),
            new ClearColumn("service_plan", "review_comment", "review_comment_enc"),
            new ClearColumn("service_plan_goal", "goal_text", "goal_enc", List.of("plan_id", "list_index")),
            new ClearColumn(
                    "service_plan_activity", "description", "description_enc", List.of("plan_id", "list_index")),
            new ClearColumn("supervision_note", "note_text", "note_enc"),
            new ClearColumn("service_record", "place", "place_enc"),
            new ClearColumn("service_record", "participants", "participants_enc"),
            new ClearColumn("service_record", "void_reason", "void_reason_enc"),
            new ClearColumn("flag", "type", "type_enc"),
            new ClearColumn("flag", "observed_place", "observed_place_enc"),
            new ClearColumn("flag", "outcome_reason", "outcome_reason_enc"),
            new ClearColumn("mandatory_report", "officer", "officer_enc"),
            new ClearColumn("mandatory_report", "receipt_number", "receipt_number_enc"),
            new ClearColumn("referral", "services_requested", "services_requested_enc"),
            new ClearColumn("referral", "decline_reason", "decline_reason_enc"),
            new ClearColumn("referral", "return_reason", "return_reason_enc"),
            new ClearColumn("referral", "revoke_reason", "revoke_reason_enc"),
            new ClearColumn("referral", "consented_by", "consented_by_enc"),
            new ClearColumn("referral", "consent_override_reason", "consent_override_reason_enc"),
            new ClearColumn("sensitive_access", "reason", "reason_enc"),
            new ClearColumn("change_log", "note", "note_enc"));

    private static final int BATCH = 500;

    private final FieldCipher cipher;

    public FreeTextEncryption(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14.1");
    }

    @Override
    public String getDescription() {
        return "encrypt free texts";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (ClearColumn column : COLUMNS) {
            encrypt(connection, column);
        }
    }

    /** Encrypts one column, a batch at a time, until no row has a clear value without its twin. */
    private void encrypt(Connection connection, ClearColumn column) throws SQLException {
        String keys = String.join(", ", column.key());
        String select = "SELECT " + keys + ", " + column.clear() + " FROM " + column.table() + " WHERE "
                + column.clear() + " IS NOT NULL AND " + column.encrypted() + " IS NULL LIMIT " + BATCH;
        String update = "UPDATE " + column.table() + " SET " + column.encrypted() + " = ? WHERE "
                + String.join(
                        " AND ", column.key().stream().map(k -> k + " = ?").toList());
        while (true) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(select);
                    ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Object[] row = new Object[column.key().size() + 1];
                    for (int i = 0; i < row.length - 1; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    // getString, not getObject: a TEXT column may come back as a Clob
                    row[row.length - 1] = result.getString(row.length);
                    rows.add(row);
                }
            }
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement write = connection.prepareStatement(update)) {
                for (Object[] row : rows) {
                    write.setString(1, cipher.encrypt((String) row[row.length - 1]));
                    for (int i = 0; i < row.length - 1; i++) {
                        write.setObject(i + 2, row[i]);
                    }
                    write.addBatch();
                }
                write.executeBatch();
            }
        }
    }
}
