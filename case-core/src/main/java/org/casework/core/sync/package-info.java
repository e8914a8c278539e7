/**
 * Offline sync, server side (docs/sync-protocol.md): the change log behind device cursors, devices
 * and their tokens, scope and snapshot readers, the mutation ledger, conflicts and quarantine. No
 * JSON here: the protocol's JSON lives in case-mobile-sync.
 */
package org.casework.core.sync;
