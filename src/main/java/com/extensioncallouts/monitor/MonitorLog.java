package com.extensioncallouts.monitor;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Numbered log messages of health and metrics (CALLOUT-14xxx); operators search for the codes. */
final class MonitorLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.monitor");

    private MonitorLog() {
    }

    static void jobsOverdue(long jobs, Instant oldestDue, Duration overdueAfter) {
        LOG.warn("CALLOUT-14001 {} jobs have been due for more than {} without a job executor taking them "
                + "(the oldest since {}): the job executors do not keep up, or none is running", jobs, overdueAfter,
                oldestDue);
    }

    static void jobsCaughtUp() {
        LOG.info("CALLOUT-14002 No job is overdue any more: the job executors keep up again");
    }

    static void jobExecutorInactive(String lockOwner) {
        LOG.warn("CALLOUT-14003 The job executor of this node ({}) is not running: this node sends no callouts",
                lockOwner);
    }

    static void gaugeFailed(String gauge, RuntimeException e) {
        LOG.warn("CALLOUT-14004 Gauge {} could not be read: {}", gauge, e.toString());
    }
}
