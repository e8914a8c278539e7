/**
 * The reference client of docs/sync-protocol.md: a local SQLite store with an outbox written in the
 * same transaction as each offline edit, and {@code sync()} over HTTP. Plain Java (no Spring, no
 * server classes) so an Android app can use it.
 */
package org.casework.sync.client;
