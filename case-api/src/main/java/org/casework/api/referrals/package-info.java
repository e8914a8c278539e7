/**
 * Referrals over HTTP: sending from a case, the sent and received lists, the receiver's and the
 * sender's steps, and a case's referrals with their outcomes.
 */
package org.casework.api.referrals;
