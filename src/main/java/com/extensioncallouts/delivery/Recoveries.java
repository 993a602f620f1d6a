package com.extensioncallouts.delivery;

import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.problem.ConflictException;

/**
 * Recovers what an RMM missed: every delivery of a callout, created in a time window, that failed for good or
 * was skipped because the callout was inactive, sent once more as a new delivery. The deliveries are claimed
 * and a {@code callout-recovery} process instance started in one transaction; that process sends them in
 * small batches as jobs of its own, so a restart in the middle loses nothing and sends nothing twice.
 */
@Service
public class Recoveries {

    static final String PROCESS_KEY = "callout-recovery";
    static final String CALLOUT_ID = "calloutId";
    static final String RECOVERY_ID = "recoveryId";

    /** What a recovery queued. */
    public record Recovery(int queued, String recoveryId) {
    }

    private final CalloutService callouts;
    private final Deliveries deliveries;
    private final RuntimeService runtime;

    Recoveries(CalloutService callouts, Deliveries deliveries, RuntimeService runtime) {
        this.callouts = callouts;
        this.deliveries = deliveries;
        this.runtime = runtime;
    }

    /** How many deliveries a recovery of this window would send now. */
    public int recoverable(long calloutId, Instant since, Instant until) {
        callouts.get(calloutId);
        return deliveries.recoverable(calloutId, since, until);
    }

    /** {@code NotFoundException} for an unknown callout, {@code ConflictException} for an inactive one. */
    @Transactional
    public Recovery recover(long calloutId, Instant since, Instant until) {
        Callout callout = callouts.get(calloutId);
        if (!callout.active()) {
            throw new ConflictException("Callout '" + callout.name() + "' is inactive. Activate it first: "
                    + "recovered deliveries would only be skipped again.");
        }
        String recoveryId = UUID.randomUUID().toString();
        int queued = deliveries.claimForRecovery(calloutId, since, until, recoveryId);
        if (queued > 0) {
            runtime.startProcessInstanceByKey(PROCESS_KEY, recoveryId, Variables.createVariables()
                    .putValue(CALLOUT_ID, calloutId)
                    .putValue(RECOVERY_ID, recoveryId)
                    .putValue(CalloutVariables.CALLOUT_NAME, callout.name())
                    .putValue("queued", queued));
        }
        DeliveryLog.recoveryQueued(callout.name(), queued, since.toString(), until.toString());
        return new Recovery(queued, recoveryId);
    }
}
