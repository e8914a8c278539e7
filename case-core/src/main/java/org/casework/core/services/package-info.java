/**
 * Service records (服务记录): what a worker did with or for a client — home visits, calls,
 * counselling, material aid — with or without a case. Append-only: a wrong record is voided with
 * who, when and why, never edited or deleted. Logging or voiding publishes
 * {@link org.casework.core.services.ServiceRecordsChanged} so visit schedules follow.
 */
package org.casework.core.services;
