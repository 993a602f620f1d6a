package com.extensioncallouts.monitor;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * {@code jobExecutor}, part of readiness: is this node's job executor running, when it is meant to? Down when
 * {@code camunda.bpm.job-execution.enabled} is on and the executor is not active: this node then sends no
 * callouts (and hands none of the jobs its ticket events create to its own threads). A node configured to
 * run no jobs is up, and says so. Details: the lock owner the job log shows, and the threads' load.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealthIndicator extends AbstractHealthIndicator {

    static final String ENABLED = "camunda.bpm.job-execution.enabled";

    private final ProcessEngineConfigurationImpl engine;
    private final boolean enabled;
    private volatile boolean reportedDown;

    JobExecutorHealthIndicator(ProcessEngineConfigurationImpl engine, Environment environment) {
        super("Job executor health check failed");
        this.engine = engine;
        // The starter's own default (CamundaBpmProperties reports false when the property is not set)
        this.enabled = environment.getProperty(ENABLED, Boolean.class, true);
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        JobExecutor executor = engine.getJobExecutor();
        boolean active = executor != null && executor.isActive();
        health.withDetail("enabled", enabled).withDetail("active", active);
        if (executor != null) {
            health.withDetail("lockOwner", executor.getLockOwner())
                    .withDetail("lockTimeMillis", executor.getLockTimeInMillis());
        }
        if (executor instanceof SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor threads) {
            health.withDetail("threadsBusy", threads.getActiveCount())
                    .withDetail("threadsMax", threads.getMaxPoolSize())
                    .withDetail("queued", threads.getQueueSize());
        }
        if (enabled && !active) {
            if (!reportedDown) {
                reportedDown = true;
                MonitorLog.jobExecutorInactive(executor == null ? "none" : executor.getLockOwner());
            }
            health.down();
        } else {
            reportedDown = false;
            health.up();
        }
    }
}
