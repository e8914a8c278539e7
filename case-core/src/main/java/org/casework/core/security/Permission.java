package org.casework.core.security;

/** What a role may do. Checked in the core services, so every door gets the same answer. */
public enum Permission {
    READ_CLIENTS,
    WRITE_CLIENTS,
    /** See ID and phone numbers in full; every use is logged with a reason. */
    UNMASK_IDENTIFIERS,
    /** Read case files (village roles never do: they see the registry, visits and their flags). */
    READ_CASES,
    WRITE_CASES,
    /** Approve plans and closures, override risk levels, reassign, write supervision notes. */
    SUPERVISE_CASES,
    MANAGE_USERS,
    MANAGE_ORGANISATIONS,
    MANAGE_REFERENCE_DATA,
    /** Respond to referrals addressed to one's own partner department (accept, progress, outcome). */
    HANDLE_REFERRALS,
    /**
     * Download ledgers (台账) of the jurisdiction as Excel files and import an existing registry
     * ledger: bulk personal data leaves or enters the system, so it is a permission of its own.
     */
    EXPORT_LEDGERS
}
