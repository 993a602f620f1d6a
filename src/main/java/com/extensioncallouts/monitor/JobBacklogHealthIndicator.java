package com.extensioncallouts.monitor;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code jobBacklog}: jobs that have been due for longer than {@code callouts.health.jobs-overdue-after}
 * (1 minute) with retries left, not suspended and not locked by any job executor. Every node of a cluster
 * sees the same database, so this is about the cluster, not this node: down means the job executors do not
 * keep up (or none runs), and an operator should look. It is therefore part of the overall health but not of
 * readiness: taking every node out of service would refuse ticket events and make nothing faster.
 *
 * <p>A job waiting for its due time (a retry in an hour) is not counted, nor one a live job executor holds;
 * one held by a node that died counts once its lock has expired and still nobody took it. Asked with one
 * count over Camunda's job table, and kept for {@code callouts.health.cache-for}.
 */
@Component("jobBacklogHealthIndicator")
class JobBacklogHealthIndicator extends AbstractHealthIndicator {

    /** Due since: the job's due date (every job has one here; a job of plain Camunda may have none: its creation). */
    private static final String OVERDUE = """
            SELECT COUNT(*) AS jobs, MIN(COALESCE(DUEDATE_, CREATE_TIME_)) AS oldest FROM %sACT_RU_JOB
            WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1
              AND (LOCK_EXP_TIME_ IS NULL OR LOCK_EXP_TIME_ < ?)
              AND COALESCE(DUEDATE_, CREATE_TIME_) < ?""";

    /** What the last count found. */
    record Backlog(long jobs, Instant oldestDue) {
    }

    private final JdbcTemplate jdbc;
    private final String sql;
    private final Duration overdueAfter;
    private final Cached<Backlog> backlog;
    private volatile boolean reportedOverdue;

    JobBacklogHealthIndicator(ProcessEngineConfigurationImpl engine, HealthProperties properties) {
        super("Job backlog health check failed");
        this.jdbc = new JdbcTemplate(engine.getDataSource());
        String prefix = engine.getDatabaseTablePrefix();
        this.sql = OVERDUE.formatted(prefix == null ? "" : prefix);
        this.overdueAfter = properties.jobsOverdueAfter();
        this.backlog = new Cached<>(properties.cacheFor(), this::count);
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Backlog now = backlog.get();
        health.withDetail("jobsOverdue", now.jobs()).withDetail("overdueAfter", overdueAfter.toString());
        if (now.oldestDue() != null) {
            health.withDetail("oldestDueSince", now.oldestDue().toString());
        }
        if (now.jobs() > 0) {
            if (!reportedOverdue) {
                reportedOverdue = true;
                MonitorLog.jobsOverdue(now.jobs(), now.oldestDue(), overdueAfter);
            }
            health.down();
        } else {
            if (reportedOverdue) {
                reportedOverdue = false;
                MonitorLog.jobsCaughtUp();
            }
            health.up();
        }
    }

    Backlog count() {
        // Camunda writes its times from its own clock (ClockUtil), in the JVM's time zone: compare with that
        long now = ClockUtil.getCurrentTime().getTime();
        return jdbc.queryForObject(sql, (rs, row) -> {
            Timestamp oldest = rs.getTimestamp("oldest");
            return new Backlog(rs.getLong("jobs"), oldest == null ? null : oldest.toInstant());
        }, new Timestamp(now), new Timestamp(now - overdueAfter.toMillis()));
    }
}
