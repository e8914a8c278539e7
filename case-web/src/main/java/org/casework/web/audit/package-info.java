/** The audit screens: the access log of full numbers and the change history across records. */
package org.casework.web.audit;
