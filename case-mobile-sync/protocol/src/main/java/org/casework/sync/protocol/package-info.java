/**
 * The JSON records of the offline sync protocol (docs/sync-protocol.md), plain Java records with no
 * Spring or core dependency, so the reference client reuses them as they are.
 */
package org.casework.sync.protocol;
