package com.extensioncallouts.web;

import java.util.List;
import java.util.Locale;

import com.extensioncallouts.journal.AttemptRecord;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.journal.DeliveryState;

/** One delivery as the Deliveries view lists it, with its attempts in full; {@code open} when shown expanded. */
public record DeliveryItem(long id, String created, String createdIso, String ticketNumber, String event,
        DeliveryState state, int attempts, String nextAttempt, String skipReason, String lastAnswer,
        String finished, Long resendOf, String idempotencyKey, String processInstanceId, List<AttemptItem> attemptList,
        boolean open) {

    static DeliveryItem of(Delivery d, List<AttemptRecord> attempts, boolean open) {
        return new DeliveryItem(d.id(), UtcTimes.shown(d.createdAt()), d.createdAt().toString(),
                d.ticketNumber() == null ? "—" : d.ticketNumber(), d.event() == null ? "—" : d.event(), d.state(),
                d.attempts(), d.state() == DeliveryState.RETRYING ? UtcTimes.shown(d.nextAttemptAt()) : null,
                d.state() == DeliveryState.SKIPPED ? d.skipReason() : null, lastAnswer(d),
                UtcTimes.shown(d.finishedAt()), d.resendOf(), d.idempotencyKey(), d.processInstanceId(),
                attempts.stream().map(AttemptItem::of).toList(), open);
    }

    /** What the RMM last said when that is why the delivery waits or failed. */
    private static String lastAnswer(Delivery d) {
        if (d.state() != DeliveryState.RETRYING && d.state() != DeliveryState.FAILED) {
            return null;
        }
        if (d.lastStatus() != null) {
            return "HTTP " + d.lastStatus();
        }
        return d.lastError();
    }

    /** Skipped, Pending, Retrying, Delivered, Failed. */
    public String stateLabel() {
        String name = state.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The badge's style: {@code state-failed} and so on. */
    public String stateClass() {
        return "state-" + state.name().toLowerCase(Locale.ROOT);
    }

    public boolean failed() {
        return state == DeliveryState.FAILED;
    }
}
