/** The current user's notification inbox over HTTP: list, unread count, mark read. */
package org.casework.api.notifications;
