package com.nija.functions.http;

/** Which of a route's calls the HTTP layer records in the audit trail ({@link AuditedWrites}). */
public enum AuditPolicy {
    /** Every successful write by a person (the default). */
    WRITES,
    /** Reads too: a read that hands data out (the account archive) is recorded like a change. */
    ALSO_READS,
    /** None: the route's service writes its own record (account deletion records it under the pseudonym). */
    BY_SERVICE
}
