package com.extensioncallouts.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Numbered log messages about requests refused before any controller saw them (CALLOUT-17xxx). */
final class ProblemLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.problem");

    private ProblemLog() {
    }

    /** Debug only: anyone can send these, as many as they like. */
    static void rejected(String method, String uri, String reason) {
        LOG.debug("CALLOUT-17001 Refused {} {} before it reached the application: {}", method, uri, reason);
    }

    static void refusedByContainer(int status, String uri) {
        LOG.debug("CALLOUT-17002 The servlet container refused a request for {} with {}", uri, status);
    }
}
