package com.extensioncallouts.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery feature's log lines, with stable codes operators can search for (CALLOUT-02xxx).
 * Arguments are names, numbers, statuses and short reasons: never a header, body or secret.
 */
final class DeliveryLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.delivery");

    private DeliveryLog() {
    }

    static void delivered(String callout, String ticket, int attempt, int status, long millis) {
        LOG.info("CALLOUT-02001 Callout '{}' attempt {} for ticket {} delivered: HTTP {} in {} ms",
                callout, attempt, ticket, status, millis);
    }

    static void attemptFailed(String callout, String ticket, int attempt, String reason) {
        LOG.warn("CALLOUT-02002 Callout '{}' attempt {} for ticket {} failed: {}", callout, attempt, ticket, reason);
    }

    static void retryScheduled(String callout, String ticket, int nextAttempt, int maxAttempts, String interval) {
        LOG.info("CALLOUT-02003 Callout '{}' for ticket {}: attempt {} of {} scheduled in {}",
                callout, ticket, nextAttempt, maxAttempts, interval);
    }

    static void exhausted(String callout, String ticket, int attempts, String reason) {
        LOG.warn("CALLOUT-02004 Callout '{}' for ticket {} failed after {} attempts: {}; left as an incident in Cockpit",
                callout, ticket, attempts, reason);
    }

    static void skipped(String callout, String ticket, String reason) {
        LOG.info("CALLOUT-02005 Callout '{}' skipped for ticket {}: {}", callout, ticket, reason);
    }

    static void withdrawn(String callout, String ticket, int attempt, String reason) {
        LOG.warn("CALLOUT-02006 Callout '{}' for ticket {} not sent (attempt {}): {}", callout, ticket, attempt, reason);
    }

    static void retryFromCockpit(String callout, String ticket, int attempt) {
        LOG.info("CALLOUT-02007 Callout '{}' for ticket {}: retry from Cockpit, attempt {}", callout, ticket, attempt);
    }

    static void notRecorded(String callout, String ticket, int attempt, RuntimeException e) {
        LOG.error("CALLOUT-02009 Callout '{}' attempt {} for ticket {} was sent but could not be recorded: {}",
                callout, attempt, ticket, e.getClass().getSimpleName());
    }

    static void autoDeactivated(String callout, int failures, java.time.Instant since) {
        LOG.warn("CALLOUT-02010 Callout '{}' deactivated: {} deliveries in a row failed for good (failing since {}); "
                + "triggers are recorded as skipped until it is activated and recovered", callout, failures, since);
    }

    static void resent(String callout, String ticket, long original) {
        LOG.info("CALLOUT-02011 Callout '{}' for ticket {}: delivery {} sent again as a new delivery", callout, ticket,
                original);
    }

    static void recoveryQueued(String callout, int queued, String since, String until) {
        LOG.info("CALLOUT-02012 Callout '{}': {} deliveries from {} to {} queued for recovery", callout, queued, since,
                until);
    }

    static void recovered(String callout, int sent, String recoveryId) {
        LOG.info("CALLOUT-02013 Callout '{}': recovery {} sent {} more deliveries", callout, recoveryId, sent);
    }

    static void waitingForTurn(String callout, String ticket, int attempt, int turns, java.time.Duration wait) {
        // Debug: an RMM that hangs makes every one of its waiting deliveries ask again and again
        LOG.debug("CALLOUT-02014 Callout '{}' for ticket {}: all {} turns taken, attempt {} waits {} for a turn",
                callout, ticket, turns, attempt, wait);
    }

    static void testSent(String callout, String summary) {
        LOG.info("CALLOUT-02008 Callout '{}' test send: {}", callout, summary);
    }
}
