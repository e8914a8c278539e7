/** The 台账 page: download a ledger, upload an existing registry ledger and read its report. */
package org.casework.web.ledgers;
