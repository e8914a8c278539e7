/**
 * Excel ledgers (台账): the county's registry, visit, flag, case and referral lists as .xlsx files,
 * filtered by jurisdiction and period, masked unless full numbers are asked for with a reason, and
 * logged; and the import of a county's existing registry ledger, row by row with a report of the
 * rows refused.
 */
package org.casework.core.ledgers;
