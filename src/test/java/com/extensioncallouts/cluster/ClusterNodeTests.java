package com.extensioncallouts.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;

import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Who a node is and how long it locks a job, from its configuration alone. */
class ClusterNodeTests {

    @Test
    void theNodeIdIsTheJobExecutorsLockOwner() {
        SpringJobExecutor jobExecutor = configured(new MockEnvironment().withProperty("callouts.node.id", "node-a"));

        assertThat(jobExecutor.getLockOwner()).isEqualTo("node-a");
    }

    @Test
    void withoutANodeIdItIsTheHostNameAndPortTheSameAtEveryStart() throws Exception {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8081");

        assertThat(new ClusterNode(environment).id()).isEqualTo(new ClusterNode(environment).id())
                .isEqualTo(InetAddress.getLocalHost().getHostName() + ":8081");
    }

    @Test
    void onARandomPortTheIdIsMadeUpAndDiffersEveryStart() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0");

        assertThat(new ClusterNode(environment).id()).isNotEqualTo(new ClusterNode(environment).id());
    }

    @Test
    void aJobIsLockedForTheRequestDeadlinePlusTheMarginNotFiveMinutes() {
        assertThat(configured(new MockEnvironment()).getLockTimeInMillis())
                .as("3 x 30 s + 30 s").isEqualTo(Duration.ofSeconds(120).toMillis());
        assertThat(configured(new MockEnvironment().withProperty("callouts.http.timeout", "PT5S")
                .withProperty("callouts.node.lock-margin", "PT10S")).getLockTimeInMillis())
                .isEqualTo(Duration.ofSeconds(25).toMillis());
    }

    @Test
    void aLockTimeSetForCamundaIsKept() {
        assertThat(configured(new MockEnvironment().withProperty(ClusterNode.LOCK_TIME, "300000")).getLockTimeInMillis())
                .isEqualTo(300000);
    }

    private static SpringJobExecutor configured(MockEnvironment environment) {
        SpringJobExecutor jobExecutor = new SpringJobExecutor();
        new ClusterNode(environment).postProcessBeforeInitialization(jobExecutor, "jobExecutor");
        return jobExecutor;
    }
}
