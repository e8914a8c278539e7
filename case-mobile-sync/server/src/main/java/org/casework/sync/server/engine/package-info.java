/**
 * The sync engine (docs/sync-protocol.md): the change log behind device cursors, scope and snapshot
 * readers, checksums, the pull, the push with its field merge, conflicts and quarantine. No HTTP
 * and no JSON here: the endpoints above it speak the protocol. Devices, the mutation ledger and
 * sync issues are core entities ({@code org.casework.core.devices}), as station pages use them.
 */
package org.casework.sync.server.engine;
