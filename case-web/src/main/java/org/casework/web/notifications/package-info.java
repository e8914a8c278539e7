/** The notification inbox page and the unread badge in the page header. */
package org.casework.web.notifications;
