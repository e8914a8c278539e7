/** The signed-in user's own account: changing the password, and the per-request standing check. */
package org.casework.web.account;
