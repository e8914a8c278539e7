/** The worklist of the current user and supervisors' caseloads over HTTP. */
package org.casework.api.worklist;
