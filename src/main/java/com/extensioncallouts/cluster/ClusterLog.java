package com.extensioncallouts.cluster;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Numbered log messages about this node of a cluster (CALLOUT-15xxx). */
final class ClusterLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.cluster");

    private ClusterLog() {
    }

    static void node(String id, Duration lockTime, boolean lockTimeDerived) {
        LOG.info("CALLOUT-15001 This node is '{}' (Camunda hostname and job lock owner); jobs are locked for {}{}", id,
                lockTime, lockTimeDerived ? " (request deadline + callouts.node.lock-margin)"
                        : " (camunda.bpm.job-execution.lock-time-in-millis)");
    }

    static void tookBackJobs(String id, int jobs) {
        LOG.info("CALLOUT-15002 Took back {} job(s) locked by '{}' before this start; they run again now", jobs, id);
    }

    static void unstableId(String id) {
        LOG.warn("CALLOUT-15003 server.port is 0, so this node's id '{}' is made up for this run: jobs it holds at a "
                + "crash wait out their lock. Set callouts.node.id (CALLOUTS_NODE_ID) to a name of its own.", id);
    }
}
