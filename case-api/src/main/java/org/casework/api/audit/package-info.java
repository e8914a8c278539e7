/** The access log of sensitive data: who saw full ID and phone numbers. */
package org.casework.api.audit;
