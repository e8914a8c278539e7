package org.casework.core.notifications;

import java.util.List;
import org.casework.core.clients.PhoneNumber;

/**
 * SMS messages to send once the transaction that caused them commits. Internal to the feature:
 * published by {@link NotificationWriter}, consumed by {@link SmsDispatcher}.
 */
record SmsAlert(NotificationKind kind, List<PhoneNumber> phones, String text) {}
