package com.extensioncallouts.monitor;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code callouts.health.*}: {@code jobsOverdueAfter}, how long a job may be due (retries left, not suspended,
 * not locked by a job executor) before {@code jobBacklog} reports that the job executors do not keep up;
 * {@code cacheFor}, how long the gauges and the backlog keep a count before they ask the database again.
 */
@ConfigurationProperties("callouts.health")
public record HealthProperties(
        @DefaultValue("PT1M") Duration jobsOverdueAfter,
        @DefaultValue("PT5S") Duration cacheFor) {
}
