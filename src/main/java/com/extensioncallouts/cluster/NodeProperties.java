package com.extensioncallouts.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This node of a cluster ({@code callouts.node.*}).
 *
 * @param id the node's name, unique in the cluster and the same across its restarts: Camunda's hostname (the
 *     job log's {@code HOSTNAME_}) and the job executor's lock owner. A restarted node takes back the jobs
 *     locked under this name. Unset: this machine's host name and {@code server.port}.
 * @param lockMargin what a job's lock lasts beyond the request deadline of its attempt (3 x
 *     {@code callouts.http.timeout}): the database work before and after the request, and a wait in the job
 *     executor's queue. Used unless {@code camunda.bpm.job-execution.lock-time-in-millis} is set.
 */
@ConfigurationProperties("callouts.node")
public record NodeProperties(
        String id,
        @DefaultValue("PT30S") Duration lockMargin) {
}
