package com.extensioncallouts.delivery;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutFailures;
import com.extensioncallouts.callout.CalloutFailures.Streak;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.notify.CalloutNotices;

/**
 * Deactivates a callout after {@code callouts.auto-deactivate-after} deliveries in a row failed for good,
 * and tells its resources what happened and how to recover. Nothing is lost: while it is inactive, triggers
 * are recorded as skipped, and "Recover" sends them once the RMM is back. A delivered one resets the count.
 */
@Component
class AutoDeactivation {

    private final CalloutFailures failures;
    private final CalloutService callouts;
    private final CalloutNotices notices;
    private final int limit;

    AutoDeactivation(CalloutFailures failures, CalloutService callouts, CalloutNotices notices,
            CalloutsProperties properties) {
        this.failures = failures;
        this.callouts = callouts;
        this.notices = notices;
        this.limit = properties.autoDeactivateAfter();
    }

    void delivered(Callout callout) {
        failures.delivered(callout.id());
    }

    void failedForGood(Callout callout) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Streak streak = failures.failedForGood(callout.id(), now);
        if (limit > 0 && streak.failures() >= limit && callout.active()) {
            callouts.setActive(callout.id(), false);
            DeliveryLog.autoDeactivated(callout.name(), streak.failures(), streak.since());
            notices.deactivated(callout, streak.failures(), streak.since());
        }
    }
}
