/**
 * Referrals (转介) from a case or a flag to a partner department, with consent, the minimum shared
 * client information, the receiver's response and outcome, and escalation when a response is late.
 */
package org.casework.core.referrals;
