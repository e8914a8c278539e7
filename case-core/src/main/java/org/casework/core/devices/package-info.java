/**
 * Field devices as the station sees them: devices and their tokens, the mutation ledger, and the
 * sync issues (conflicts, quarantined edits) station staff resolve. The sync engine itself (change
 * log, pull, push, scope, checksums) lives in case-mobile-sync's server module.
 */
package org.casework.core.devices;
