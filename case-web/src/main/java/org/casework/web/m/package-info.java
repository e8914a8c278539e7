/**
 * Serving of the offline web app for village users at {@code /m/}: the static shell, its text from
 * the message bundles and its non-personal settings. The app itself talks only to /api/sync/v1.
 */
package org.casework.web.m;
