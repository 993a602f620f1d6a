package com.extensioncallouts.delivery;

/** The incident's message in Cockpit: which callout, how many attempts, the last status or error. No secret. */
class CalloutFailedException extends RuntimeException {

    CalloutFailedException(String calloutName, int attempts, String lastError) {
        super("Callout '" + calloutName + "' failed after " + attempts + " attempts: " + lastError);
    }

    CalloutFailedException(String message) {
        super(message);
    }
}
