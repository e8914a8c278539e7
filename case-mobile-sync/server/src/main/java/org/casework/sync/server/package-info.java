/**
 * The station server's side of offline sync: the endpoints under {@code /api/sync/v1}, device-token
 * authentication, gzip in both directions and problems in the user's language. The rules live in
 * the engine ({@code engine}); this package only speaks the protocol's JSON.
 */
package org.casework.sync.server;
