/** Visit schedules over HTTP: a client's level, last visit and next due visit. */
package org.casework.api.visits;
