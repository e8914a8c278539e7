package org.casework.core.database;

import java.util.ArrayList;
import java.util.List;

/**
 * What a MySQL or MariaDB server's settings mean for an acknowledged commit. The server answers 2xx
 * after the commit returns; whether that commit survives a crash is the database's setting, not
 * ours, so the station checks it at start and says what to change.
 *
 * @param flushLogAtTrxCommit {@code innodb_flush_log_at_trx_commit}: 1 writes and syncs the redo log
 *     at every commit; 2 syncs once a second (an OS crash or power cut loses up to a second); 0 also
 *     writes once a second (a mysqld crash loses it)
 * @param binaryLog {@code log_bin}: whether a binary log is written (replication, point-in-time
 *     recovery)
 * @param syncBinlog {@code sync_binlog}: 1 syncs the binary log at every commit
 */
public record MySqlDurability(int flushLogAtTrxCommit, boolean binaryLog, long syncBinlog) {

    /** The settings that can lose an acknowledged commit, each with what to set instead; empty when none. */
    public List<String> risks() {
        List<String> risks = new ArrayList<>();
        if (flushLogAtTrxCommit != 1) {
            risks.add("innodb_flush_log_at_trx_commit=" + flushLogAtTrxCommit + ": a commit the station has"
                    + " confirmed can be lost if "
                    + (flushLogAtTrxCommit == 0 ? "the database server" : "the operating system")
                    + " crashes or the power fails; set innodb_flush_log_at_trx_commit=1");
        }
        if (binaryLog && syncBinlog != 1) {
            risks.add("sync_binlog=" + syncBinlog + " with the binary log on: after an operating-system crash the"
                    + " binary log (replicas, point-in-time recovery) can miss confirmed commits; set sync_binlog=1");
        }
        return risks;
    }
}
