package com.extensioncallouts.delivery;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.extensioncallouts.journal.AttemptLog;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.DeliveryState;

/**
 * Writes what an attempt did: its {@code callout_attempt} row and its delivery's new state. The request is
 * out by then, so a write that fails is logged and never fails the attempt: failing would roll the job back
 * and send the same attempt again.
 */
@Component
class AttemptRecorder {

    /** The delivery after an attempt (or null for a test send, which belongs to no delivery). */
    record DeliveryChange(String processInstanceId, DeliveryState state, Integer lastStatus, String lastError,
            Instant nextAttemptAt) {
    }

    private final AttemptLog attempts;
    private final Deliveries deliveries;
    /** Inside the engine's transaction, behind a savepoint: committed with the job, one commit for both. */
    private final TransactionTemplate withJob;
    /** A transaction of its own: kept even when the job rolls back (an operator's retry that fails again). */
    private final TransactionTemplate ownTransaction;

    AttemptRecorder(AttemptLog attempts, Deliveries deliveries, PlatformTransactionManager transactions) {
        this.attempts = attempts;
        this.deliveries = deliveries;
        this.withJob = new TransactionTemplate(transactions);
        this.withJob.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Recorded with the job that sent it. */
    void withJob(CalloutAttempts.Sent sent, DeliveryChange change) {
        record(withJob, sent, change);
    }

    /** Recorded at once, whatever becomes of the job that sent it. */
    void atOnce(CalloutAttempts.Sent sent, DeliveryChange change) {
        record(ownTransaction, sent, change);
    }

    private void record(TransactionTemplate transaction, CalloutAttempts.Sent sent, DeliveryChange change) {
        try {
            transaction.executeWithoutResult(tx -> {
                attempts.record(sent.record(change == null ? null : change.processInstanceId()));
                update(change, sent.attempt());
            });
        } catch (RuntimeException e) {
            DeliveryLog.notRecorded(sent.callout().name(), sent.ticketNumber(), sent.attempt(), e);
            if (change != null) {
                // The attempt still counts: the delivery's state on its own, so the next one is numbered right
                try {
                    transaction.executeWithoutResult(tx -> update(change, sent.attempt()));
                } catch (RuntimeException again) {
                    DeliveryLog.notRecorded(sent.callout().name(), sent.ticketNumber(), sent.attempt(), again);
                }
            }
        }
    }

    private void update(DeliveryChange change, int attempt) {
        if (change != null) {
            deliveries.afterAttempt(change.processInstanceId(), attempt, change.state(), change.lastStatus(),
                    change.lastError(), change.nextAttemptAt(), Instant.now());
        }
    }
}
