/** REST API of flags (风险上报) and mandatory reports (强制报告). */
package org.casework.api.flags;
