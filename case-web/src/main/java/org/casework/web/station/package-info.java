/** The station's own page: its office contact, which liaisons see on referrals. */
package org.casework.web.station;
