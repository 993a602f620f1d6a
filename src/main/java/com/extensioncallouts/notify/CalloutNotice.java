package com.extensioncallouts.notify;

import java.util.List;

/** What resources are told once a trigger's outcome is known. Holds no secret. */
record CalloutNotice(
        String processInstanceId,
        String calloutName,
        String ticketNumber,
        boolean delivered,
        int attempts,
        Integer lastStatus,
        String lastError,
        String cockpitLink,
        List<String> recipients) {

    String subject() {
        return delivered
                ? "[Extension callout] '" + calloutName + "' delivered for ticket " + ticketNumber
                        + " (" + attemptsText() + ", HTTP " + lastStatus + ")"
                : "[Extension callout] '" + calloutName + "' FAILED for ticket " + ticketNumber
                        + " after " + attemptsText() + ": " + lastResult();
    }

    String body() {
        return """
                Extension callout: %s
                Ticket: %s
                Outcome: %s
                Attempts: %d
                Last result: %s

                The callout in Cockpit: %s
                """.formatted(calloutName, ticketNumber,
                delivered ? "delivered" : "failed for good; left as an incident in Cockpit, where it can be retried",
                attempts, lastResult(), cockpitLink);
    }

    private String lastResult() {
        if (lastStatus != null) {
            return "HTTP " + lastStatus;
        }
        return lastError == null ? "none" : lastError;
    }

    private String attemptsText() {
        return attempts == 1 ? "1 attempt" : attempts + " attempts";
    }
}
