package com.extensioncallouts.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The notify feature's log lines (CALLOUT-05xxx). */
final class NotifyLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.notify");

    private NotifyLog() {
    }

    static void logged(Notice notice) {
        LOG.info("CALLOUT-05001 No mail server configured; notification for {} not e-mailed: {}",
                notice.recipients(), notice.subject());
    }

    static void sent(Notice notice) {
        LOG.info("CALLOUT-05002 Notification e-mailed to {}: {}", notice.recipients(), notice.subject());
    }

    static void failed(Notice notice, String error) {
        LOG.warn("CALLOUT-05003 Notification to {} could not be e-mailed ({}): {}",
                notice.recipients(), error, notice.subject());
    }

    static void queueFull(Notice notice) {
        LOG.warn("CALLOUT-05004 Too many notifications waiting; dropped: {}", notice.subject());
    }

    static void noRecipients(Notice notice) {
        LOG.warn("CALLOUT-05005 Callout '{}' has no recipients; notification only logged: {}",
                notice.calloutName(), notice.subject());
    }

    static void deactivated(String calloutName, int failures) {
        LOG.warn("CALLOUT-05007 Callout '{}' deactivated after {} deliveries in a row failed for good; "
                + "its resources are told how to recover", calloutName, failures);
    }

    static void calloutGone(String calloutName, String processInstanceId) {
        LOG.warn("CALLOUT-05006 Callout '{}' no longer exists; nobody to notify about process instance {}",
                calloutName, processInstanceId);
    }
}
