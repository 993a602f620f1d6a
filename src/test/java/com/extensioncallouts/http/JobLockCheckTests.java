package com.extensioncallouts.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.extensioncallouts.CalloutsProperties;

/** A callout attempt must be aborted before its job's lock runs out, or the RMM may get it twice. */
class JobLockCheckTests {

    @Test
    void theDefaultsFitWithRoomToSpare() {
        assertThatCode(() -> JobLockCheck.check(Duration.ofSeconds(30), 300_000L)).doesNotThrowAnyException();
    }

    @Test
    void threeTimeoutsJustBelowTheLockTimeAreAccepted() {
        assertThatCode(() -> JobLockCheck.check(Duration.ofMillis(99_999), 300_000L)).doesNotThrowAnyException();
    }

    @Test
    void threeTimeoutsReachingTheLockTimeAreRefusedNamingBothPropertiesAndTheLimit() {
        assertThatThrownBy(() -> JobLockCheck.check(Duration.ofSeconds(100), 300_000L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("callouts.http.timeout (PT1M40S) is too long for "
                        + "camunda.bpm.job-execution.lock-time-in-millis (300000 ms)")
                .hasMessageContaining("3 x callouts.http.timeout = PT5M")
                .hasMessageContaining("Set callouts.http.timeout below PT1M40S (300000 ms / 3)")
                .hasMessageContaining("raise camunda.bpm.job-execution.lock-time-in-millis above 300000 ms");
        assertThatThrownBy(() -> JobLockCheck.check(Duration.ofMinutes(10), 300_000L))
                .hasMessageContaining("3 x callouts.http.timeout = PT30M");
    }

    @Test
    void aZeroOrNegativeTimeoutIsRefusedEvenWithoutAJobExecutor() {
        for (Duration timeout : new Duration[] { Duration.ZERO, Duration.ofSeconds(-1), null }) {
            assertThatThrownBy(() -> JobLockCheck.check(timeout, null)).as("%s", timeout)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("callouts.http.timeout must be positive, not " + timeout);
        }
    }

    @Test
    void withoutAJobExecutorAnyPositiveTimeoutIsAccepted() {
        assertThatCode(() -> JobLockCheck.check(Duration.ofHours(1), null)).doesNotThrowAnyException();
    }

    // The lock time as the Camunda starter's job executor really has it, from the real property names

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ CalloutsProperties.class, CamundaBpmProperties.class })
    @Import({ DefaultJobConfiguration.JobConfiguration.class, JobLockCheck.class })
    static class WithJobExecutor {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(WithJobExecutor.class);

    @Test
    void theApplicationStartsWithTheDefaultLockTimeAndTimeout() {
        context.run(started -> assertThat(started).hasNotFailed().hasSingleBean(JobLockCheck.class));
    }

    @Test
    void theApplicationRefusesToStartWhenTheLockTimeIsLoweredBelowThreeTimeouts() {
        context.withPropertyValues("camunda.bpm.job-execution.lock-time-in-millis=60000", "callouts.http.timeout=PT20S")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("callouts.http.timeout (PT20S) is too long for "
                                + "camunda.bpm.job-execution.lock-time-in-millis (60000 ms)"));
    }

    @Test
    void theApplicationRefusesToStartWithALongTimeoutAgainstTheDefaultLockTime() {
        context.withPropertyValues("callouts.http.timeout=PT2M")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("(300000 ms)").hasMessageContaining("= PT6M"));
    }

    @Test
    void theApplicationRefusesToStartWithAZeroTimeoutWhenJobExecutionIsOff() {
        context.withPropertyValues("camunda.bpm.job-execution.enabled=false", "callouts.http.timeout=PT0S")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessage("callouts.http.timeout must be positive, not PT0S"));
        context.withPropertyValues("camunda.bpm.job-execution.enabled=false", "callouts.http.timeout=PT10M")
                .run(started -> assertThat(started).hasNotFailed());
    }
}
