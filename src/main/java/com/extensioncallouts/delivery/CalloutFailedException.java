package com.extensioncallouts.delivery;

import com.extensioncallouts.journal.Delivery;

/**
 * The incident's message in Cockpit: which callout, for which ticket, after how many attempts, the last
 * status or error, and the delivery to look up. No secret.
 */
class CalloutFailedException extends RuntimeException {

    CalloutFailedException(Delivery delivery, int attempts, String lastResult) {
        super("Callout '" + delivery.calloutName() + "' failed for ticket " + delivery.ticketNumber() + " after "
                + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + lastResult + " (delivery "
                + delivery.id() + ")");
    }

    CalloutFailedException(String message) {
        super(message);
    }
}
