package com.extensioncallouts.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The notify feature's log lines (CALLOUT-05xxx). */
final class NotifyLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.notify");

    private NotifyLog() {
    }

    static void logged(CalloutNotice notice) {
        LOG.info("CALLOUT-05001 No mail server configured; notification for {} not e-mailed: {}",
                notice.recipients(), notice.subject());
    }

    static void sent(CalloutNotice notice) {
        LOG.info("CALLOUT-05002 Notification e-mailed to {}: {}", notice.recipients(), notice.subject());
    }

    static void failed(CalloutNotice notice, String error) {
        LOG.warn("CALLOUT-05003 Notification to {} could not be e-mailed ({}): {}",
                notice.recipients(), error, notice.subject());
    }

    static void queueFull(CalloutNotice notice) {
        LOG.warn("CALLOUT-05004 Too many notifications waiting; dropped: {}", notice.subject());
    }

    static void noRecipients(CalloutNotice notice) {
        LOG.warn("CALLOUT-05005 Callout '{}' has no recipients; notification only logged: {}",
                notice.calloutName(), notice.subject());
    }

    static void calloutGone(String calloutName, String processInstanceId) {
        LOG.warn("CALLOUT-05006 Callout '{}' no longer exists; nobody to notify about process instance {}",
                calloutName, processInstanceId);
    }
}
