/**
 * The in-app inbox and SMS: listens to the events of flags, referrals and approvals and tells the
 * people who must act. Nothing else depends on it.
 */
package org.casework.core.notifications;
