/** Station pages of offline sync: devices (revoke a lost phone) and conflicts/quarantine to resolve. */
package org.casework.web.sync;
