/**
 * The worklist (待办): what the current user should do next, most urgent risk first, then by due
 * day. Each kind of item comes from one {@link org.casework.core.worklist.WorkItemSource} (visits
 * due, follow-ups due, approvals waiting); a new kind — plan activities, plan reviews — is a new
 * source bean, and {@link org.casework.core.worklist.WorklistService} merges whatever sources apply.
 */
package org.casework.core.worklist;
