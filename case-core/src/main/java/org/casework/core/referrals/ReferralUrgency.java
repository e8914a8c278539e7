package org.casework.core.referrals;

/** How soon the receiving department should respond; decides the response due date. */
public enum ReferralUrgency {
    URGENT,
    HIGH,
    NORMAL
}
