package com.extensioncallouts.notify;

import java.util.List;

/**
 * What resources are told once a trigger's outcome is known. Holds no secret. {@code afterOperatorRetry}:
 * delivered by an operator's retry in Cockpit, after the same people were told it had failed for good.
 */
record CalloutNotice(
        String processInstanceId,
        String calloutName,
        String ticketNumber,
        boolean delivered,
        boolean afterOperatorRetry,
        int attempts,
        Integer lastStatus,
        String lastError,
        String cockpitLink,
        List<String> recipients) implements Notice {

    public String subject() {
        if (delivered && afterOperatorRetry) {
            return "[Extension callout] '" + calloutName + "' delivered after an operator's retry for ticket "
                    + ticketNumber + " (" + attemptsText() + ", HTTP " + lastStatus + ")";
        }
        return delivered
                ? "[Extension callout] '" + calloutName + "' delivered for ticket " + ticketNumber
                        + " (" + attemptsText() + ", HTTP " + lastStatus + ")"
                : "[Extension callout] '" + calloutName + "' FAILED for ticket " + ticketNumber
                        + " after " + attemptsText() + ": " + lastResult();
    }

    public String body() {
        return """
                Extension callout: %s
                Ticket: %s
                Outcome: %s
                Attempts: %d
                Last result: %s

                The callout in Cockpit: %s
                """.formatted(calloutName, ticketNumber, outcome(), attempts, lastResult(), cockpitLink);
    }

    private String outcome() {
        if (!delivered) {
            return "failed for good; left as an incident in Cockpit, where it can be retried";
        }
        return afterOperatorRetry ? "delivered after an operator's retry in Cockpit (it had failed for good before)"
                : "delivered";
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
