package com.extensioncallouts.journal;

/** Where a delivery stands. */
public enum DeliveryState {

    /** Not sent: the callout is unknown or inactive, or the ticket has no value in its UDF ({@code skipReason}). */
    SKIPPED,
    /** The first attempt is on its way. */
    PENDING,
    /** An attempt failed; the next one waits at the timer ({@code nextAttemptAt}). */
    RETRYING,
    /** The RMM answered 2xx. */
    DELIVERED,
    /** Every attempt failed; an incident waits in Cockpit. */
    FAILED;

    public boolean finished() {
        return this == SKIPPED || this == DELIVERED || this == FAILED;
    }
}
