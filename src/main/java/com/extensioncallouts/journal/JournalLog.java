package com.extensioncallouts.journal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Numbered log messages of the journal (CALLOUT-08xxx); operators search for the codes. */
final class JournalLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.journal");

    private JournalLog() {
    }

    static void removed(int records, Duration retention) {
        LOG.info("CALLOUT-08001 Removed {} deliveries, attempts and notifications older than {}", records, retention);
    }
}
