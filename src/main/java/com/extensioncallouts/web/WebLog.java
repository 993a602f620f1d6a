package com.extensioncallouts.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.extensioncallouts.http.AttemptOutcome;

/** The management page's numbered log messages (CALLOUT-06xxx): who did what to which callout. */
final class WebLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.web");

    private WebLog() {
    }

    static void created(String user, long id, String name) {
        LOG.info("CALLOUT-06001 {} created callout '{}' (id {}) on the page", user, name, id);
    }

    static void updated(String user, long id, String name) {
        LOG.info("CALLOUT-06002 {} saved callout '{}' (id {}) on the page", user, name, id);
    }

    static void activeChanged(String user, long id, String name, boolean active) {
        LOG.info("CALLOUT-06003 {} {} callout '{}' (id {}) on the page", user, active ? "activated" : "deactivated",
                name, id);
    }

    static void deleted(String user, long id, String name) {
        LOG.info("CALLOUT-06004 {} deleted callout '{}' (id {}) on the page", user, name, id);
    }

    static void deleteRefused(String user, long id, String reason) {
        LOG.info("CALLOUT-06005 {} could not delete callout id {}: {}", user, id, reason);
    }

    static void saveRefused(String user, Long id, int problems) {
        LOG.info("CALLOUT-06006 {} could not save callout {}: {} invalid field(s)", user,
                id == null ? "(new)" : "id " + id, problems);
    }

    static void tested(String user, long id, String name, AttemptOutcome outcome) {
        LOG.info("CALLOUT-06007 {} sent a test of callout '{}' (id {}): {} in {} ms", user, name, id,
                outcome.summary(), outcome.duration().toMillis());
    }

    static void notFound(String user, String message) {
        LOG.info("CALLOUT-06008 {} asked for a callout that does not exist: {}", user, message);
    }

    static void testUnavailable(String user, long id) {
        LOG.warn("CALLOUT-06009 {} asked to test callout id {}, but no callout tester is configured", user, id);
    }

    static void resent(String user, long deliveryId, long newDeliveryId, String calloutName) {
        LOG.info("CALLOUT-06010 {} resent delivery {} of callout '{}' on the page: new delivery {}", user, deliveryId,
                calloutName, newDeliveryId);
    }

    static void resendRefused(String user, long deliveryId, String reason) {
        LOG.info("CALLOUT-06011 {} could not resend delivery {}: {}", user, deliveryId, reason);
    }

    static void recoveryQueued(String user, long id, String name, int queued, String window) {
        LOG.info("CALLOUT-06012 {} queued {} deliveries of callout '{}' (id {}) for recovery on the page, window {}",
                user, queued, name, id, window);
    }

    static void recoveryRefused(String user, long id, String reason) {
        LOG.info("CALLOUT-06013 {} could not recover deliveries of callout id {}: {}", user, id, reason);
    }

    static void signingSecretGenerated(String user, long id, String name, boolean rotated) {
        LOG.info("CALLOUT-06014 {} {} the signing secret of callout '{}' (id {}) on the page", user,
                rotated ? "rotated" : "generated", name, id);
    }

    static void signingRemoved(String user, long id, String name) {
        LOG.info("CALLOUT-06015 {} removed the signing secret of callout '{}' (id {}) on the page: it no longer "
                + "signs", user, name, id);
    }
}
