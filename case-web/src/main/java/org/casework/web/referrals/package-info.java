/**
 * Referral pages: the create form from a case, the sent list and the liaison's inbox, and the
 * detail page with the steps the viewer may take.
 */
package org.casework.web.referrals;
