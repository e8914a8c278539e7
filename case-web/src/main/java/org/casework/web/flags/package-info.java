/**
 * Flag pages (风险上报): raising a flag on a phone, the reporter's own flags, the station's triage
 * queue, the flag page with its mandatory report (强制报告), triage and notes.
 */
package org.casework.web.flags;
