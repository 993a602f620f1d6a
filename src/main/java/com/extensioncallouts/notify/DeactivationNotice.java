package com.extensioncallouts.notify;

import java.time.Instant;
import java.util.List;

/** A callout was deactivated because its deliveries kept failing for good. */
record DeactivationNotice(String calloutName, int failures, Instant failingSince, String pageLink,
        List<String> recipients) implements Notice {

    @Override
    public String processInstanceId() {
        return null;
    }

    @Override
    public String subject() {
        return "[Extension callout] '" + calloutName + "' DEACTIVATED after " + failures
                + " deliveries in a row failed for good";
    }

    @Override
    public String body() {
        return """
                Extension callout: %s
                What happened: %d deliveries in a row failed for good (every attempt), the first of them \
                created on or after %s. The callout was deactivated so that it stops sending to an RMM that does \
                not take its requests.
                Meanwhile: tickets that trigger it are recorded as skipped, not lost.

                To recover, once the RMM takes requests again, on the callout's Deliveries page (%s):
                1. Activate the callout.
                2. Choose "Recover..." for the time since %s: every delivery that failed for good or was \
                skipped while the callout was inactive in that window is sent once.
                """.formatted(calloutName, failures, failingSince, pageLink, failingSince);
    }
}
