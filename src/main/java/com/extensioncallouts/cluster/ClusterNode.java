package com.extensioncallouts.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.extensioncallouts.http.RequestDeadline;

/**
 * Who this node is, and how long it locks a job. The job executor gets both before anyone reads them (the
 * engine, {@code JobLockCheck}, the dispatch of new jobs): the lock owner is the node id, stable across
 * restarts so that a restarted node knows which locks were its own ({@link ClusterEnginePlugin}); the lock time,
 * unless {@code camunda.bpm.job-execution.lock-time-in-millis} is set, is the request deadline plus
 * {@code callouts.node.lock-margin}: as short as an attempt allows, since a surviving node of a cluster waits
 * it out before it runs the jobs of a node that died.
 *
 * <p>A bean post-processor is created before the configuration properties beans, so it binds what it needs
 * from the environment itself.
 */
@Component
class ClusterNode implements BeanPostProcessor {

    static final String LOCK_TIME = "camunda.bpm.job-execution.lock-time-in-millis";

    private final String id;
    private final Duration lockTime;
    private final boolean lockTimeDerived;

    ClusterNode(Environment environment) {
        Binder binder = Binder.get(environment);
        NodeProperties node = binder.bindOrCreate("callouts.node", NodeProperties.class);
        int port = binder.bind("server.port", Integer.class).orElse(8080);
        this.id = node.id() != null && !node.id().isBlank() ? node.id().strip() : derivedId(port);
        Integer configured = binder.bind(LOCK_TIME, Integer.class).orElse(null);
        Duration timeout = binder.bind("callouts.http.timeout", Duration.class).orElse(Duration.ofSeconds(30));
        this.lockTimeDerived = configured == null;
        this.lockTime = lockTimeDerived ? lockTime(timeout, node.lockMargin()) : Duration.ofMillis(configured);
        ClusterLog.node(id, lockTime, lockTimeDerived);
    }

    /** What a job's lock lasts when nobody set it: the request deadline, then the margin. */
    static Duration lockTime(Duration httpTimeout, Duration margin) {
        return RequestDeadline.of(httpTimeout).plus(margin);
    }

    String id() {
        return id;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JobExecutor jobExecutor) {
            jobExecutor.setLockOwner(id);
            if (lockTimeDerived) {
                jobExecutor.setLockTimeInMillis(Math.toIntExact(lockTime.toMillis()));
            }
        }
        return bean;
    }

    private static String derivedId(int port) {
        if (port == 0) {
            String id = "node-" + UUID.randomUUID();
            ClusterLog.unstableId(id);
            return id;
        }
        return hostName() + ":" + port;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
