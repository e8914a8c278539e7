/** RFC 9457 problem details in the caller's language. */
package org.casework.api.problems;
