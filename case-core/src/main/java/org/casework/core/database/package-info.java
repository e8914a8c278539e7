/** The database the station runs on: commits that are durable before the server says 2xx. */
package org.casework.core.database;
