package com.extensioncallouts.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Numbered log messages of the engine plumbing (CALLOUT-07xxx); operators search for the codes. */
final class EngineLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.engine");

    private EngineLog() {
    }

    static void indexNotCreated(String index, Exception e) {
        LOG.warn("CALLOUT-07002 Index {} could not be created; the engine's queries get slower as instances wait: {}",
                index, e.toString());
    }

    static void jsonNotInline(String databaseType) {
        LOG.info("CALLOUT-07003 JSON variables are stored as byte arrays, as in plain Camunda: database {} or Spin's "
                + "JSON serializer not supported for keeping them in their row", databaseType);
    }

    static void dispatchedJobFailed(String jobId, Throwable t) {
        LOG.error("CALLOUT-07001 Job {} could not be run on this node; the engine has recorded its failure", jobId, t);
    }

    static void dueDatesSet(int jobs) {
        LOG.info("CALLOUT-07005 {} job(s) without a due date (left by an earlier build, or given none through the "
                + "API) are now due at their creation time, so that the job acquisition finds them", jobs);
    }

    static void dueDatesNotSet(RuntimeException e) {
        LOG.warn("CALLOUT-07006 Could not look for jobs without a due date (the job acquisition does not find "
                + "them); trying again in a minute: {}", e.toString());
    }

    static void dispatchedJobNotUnlocked(String jobId, RuntimeException e) {
        LOG.warn("CALLOUT-07004 Job {} found no free job thread and could not be unlocked ({}); the acquisition "
                + "takes it when its lock expires", jobId, e.toString());
    }
}
