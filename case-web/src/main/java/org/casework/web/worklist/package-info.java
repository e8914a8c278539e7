/** The user's worklist (待办) and supervisors' caseloads (个案量). */
package org.casework.web.worklist;
