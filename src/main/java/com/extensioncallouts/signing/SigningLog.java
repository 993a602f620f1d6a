package com.extensioncallouts.signing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Numbered log messages about signing (CALLOUT-11xxx). Never a secret. */
final class SigningLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.signing");

    private SigningLog() {
    }

    static void generated(String callout) {
        LOG.info("CALLOUT-11001 Callout '{}' got a new signing secret; a previous one, if any, keeps signing for the "
                + "rotation overlap", callout);
    }

    static void removed(String callout) {
        LOG.info("CALLOUT-11002 Callout '{}' no longer signs its requests", callout);
    }
}
