package com.extensioncallouts.http;

import java.time.Duration;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.extensioncallouts.CalloutsProperties;

/**
 * Refuses to start when one attempt could outlast its job's lock. An attempt runs in a job, and the
 * request is aborted only after {@value CalloutHttpConnector#DEADLINE_TIMEOUTS} x
 * {@code callouts.http.timeout}; once the job's lock expires the engine may hand the same job to another
 * thread while the first still waits, and the RMM gets the attempt twice. The lock time is the job
 * executor's (set by {@code camunda.bpm.job-execution.lock-time-in-millis}, default 300000 ms); without a
 * job executor this node runs no jobs, and only the timeout itself is checked.
 */
@Component
class JobLockCheck {

    static final String TIMEOUT = "callouts.http.timeout";
    static final String LOCK_TIME = "camunda.bpm.job-execution.lock-time-in-millis";

    JobLockCheck(CalloutsProperties properties, ObjectProvider<JobExecutor> jobExecutor) {
        JobExecutor executor = jobExecutor.getIfAvailable();
        check(properties.http().timeout(), executor == null ? null : (long) executor.getLockTimeInMillis());
    }

    /**
     * @param lockTimeMillis the job lock time, or null when this node executes no jobs
     * @throws IllegalStateException naming both properties and the limit when the timeout does not fit
     */
    static void check(Duration timeout, Long lockTimeMillis) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            // Zero would mean "wait forever" to the HTTP client: a silent RMM would hold a job thread for good
            throw new IllegalStateException(TIMEOUT + " must be positive, not " + timeout);
        }
        if (lockTimeMillis == null) {
            return;
        }
        Duration lockTime = Duration.ofMillis(lockTimeMillis);
        Duration deadline = timeout.multipliedBy(CalloutHttpConnector.DEADLINE_TIMEOUTS);
        if (deadline.compareTo(lockTime) >= 0) {
            Duration limit = lockTime.dividedBy(CalloutHttpConnector.DEADLINE_TIMEOUTS);
            throw new IllegalStateException(("%s (%s) is too long for %s (%d ms): a callout request is aborted "
                    + "only after %d x %s = %s, and once the job lock expires the engine may run the attempt again "
                    + "while the first still waits, sending the RMM a duplicate. Set %s below %s (%d ms / %d), "
                    + "or raise %s above %d ms.").formatted(
                    TIMEOUT, timeout, LOCK_TIME, lockTimeMillis,
                    CalloutHttpConnector.DEADLINE_TIMEOUTS, TIMEOUT, deadline,
                    TIMEOUT, limit, lockTimeMillis, CalloutHttpConnector.DEADLINE_TIMEOUTS,
                    LOCK_TIME, deadline.toMillis()));
        }
    }
}
