package com.extensioncallouts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.support.Await;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver;
import com.extensioncallouts.support.HttpReceiver.Answer;

/**
 * How callout jobs reach a thread. The job acquisition here polls only once a minute, so whatever leaves
 * sooner was started by {@link JobDispatch}: a ticket event's first attempt when its transaction commits, a
 * retry when its timer is due, and a job the executor had no room for by the acquisition it was handed to (or,
 * when its threads and queue are full as the job is created, left to it from the start).
 */
@SpringBootTest(properties = {
        "callouts.retry.interval=PT2S",
        "camunda.bpm.job-execution.wait-time-in-millis=60000",
        "camunda.bpm.job-execution.max-wait=60000" })
@ActiveProfiles("test")
class JobDispatchTests {

    static final HttpReceiver RMM = new HttpReceiver();

    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired CalloutService callouts;
    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired PlatformTransactionManager transactions;

    @AfterAll
    static void closeReceiver() {
        RMM.close();
    }

    @Test
    void theSendJobIsLockedToThisNodeAsItIsCreatedAndHandedToItsThreadsOnCommit() throws Exception {
        RMM.reset();
        String name = callout("Locked on creation");
        SpringJobExecutor jobExecutor = (SpringJobExecutor) engine.getJobExecutor();
        TaskExecutor threads = jobExecutor.getTaskExecutor();
        List<Runnable> handedOver = new CopyOnWriteArrayList<>();
        jobExecutor.setTaskExecutor(handedOver::add);
        String pid;
        try {
            pid = start(name, "T1");
        } finally {
            jobExecutor.setTaskExecutor(threads);
        }

        JobEntity job = (JobEntity) management.createJobQuery().processInstanceId(pid).singleResult();
        assertThat(job.getLockOwner()).as("no acquisition can take it").isEqualTo(jobExecutor.getLockOwner());
        assertThat(job.getLockExpirationTime()).isAfter(new Date());
        assertThat(handedOver).hasSize(1);
        assertThat(RMM.requests()).isEmpty();

        handedOver.get(0).run();
        assertThat(RMM.requests()).singleElement()
                .satisfies(r -> assertThat(r.header("X-Callout-Attempt")).isEqualTo("1"));
        assertThat(management.createJobQuery().processInstanceId(pid).count()).isZero();
    }

    @Test
    void theFirstAttemptLeavesOnCommitAndTheRetryWhenItIsDue() throws Exception {
        RMM.reset();
        RMM.thenAnswer(Answer.status(500));
        String name = callout("On time");

        long started = System.nanoTime();
        start(name, "T2");
        RMM.awaitRequests(1, Duration.ofSeconds(10));
        long first = System.nanoTime();
        List<HttpReceiver.Received> requests = RMM.awaitRequests(2, Duration.ofSeconds(20));
        long second = System.nanoTime();

        assertThat(requests).extracting(r -> r.header("X-Callout-Attempt")).containsExactly("1", "2");
        assertThat(Duration.ofNanos(first - started)).as("not left to a once-a-minute acquisition")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(second - first)).as("the PT2S timer woke the acquisition when due")
                .isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
    }

    @Test
    void aJobTheExecutorHasNoRoomForIsUnlockedForTheAcquisition() throws Exception {
        RMM.reset();
        String name = callout("No room");
        SpringJobExecutor jobExecutor = (SpringJobExecutor) engine.getJobExecutor();
        TaskExecutor threads = jobExecutor.getTaskExecutor();
        AtomicInteger submitted = new AtomicInteger();
        jobExecutor.setTaskExecutor(task -> {
            if (submitted.incrementAndGet() == 1) {
                throw new RejectedExecutionException("full");
            }
            threads.execute(task);
        });
        try {
            start(name, "T3");
            assertThat(RMM.awaitRequests(1, Duration.ofSeconds(10))).as("taken by the acquisition it was handed to")
                    .hasSize(1);
        } finally {
            jobExecutor.setTaskExecutor(threads);
        }
        assertThat(submitted).as("refused once by this node's dispatch, then run by the acquisition").hasValue(2);
    }

    @Test
    void aJobIsLeftToTheAcquisitionWhileTheJobThreadsAndTheirQueueAreFull() throws Exception {
        SpringJobExecutor jobExecutor = (SpringJobExecutor) engine.getJobExecutor();
        TaskExecutor threads = jobExecutor.getTaskExecutor();
        ThreadPoolTaskExecutor one = new ThreadPoolTaskExecutor();
        one.setCorePoolSize(1);
        one.setMaxPoolSize(1);
        one.setQueueCapacity(1);
        one.initialize();
        CountDownLatch release = new CountDownLatch(1);
        JobDispatch dispatch = new JobDispatch(engine);
        MessageEntity job = new MessageEntity();
        jobExecutor.setTaskExecutor(one);
        try {
            assertThat(dispatch.takes(job)).as("a thread free").isTrue();
            one.execute(() -> awaitQuietly(release));
            one.execute(() -> awaitQuietly(release));
            Await.until("one job running, one queued", Duration.ofSeconds(5), () -> one.getActiveCount() == 1);
            assertThat(dispatch.takes(job)).as("the thread busy and the queue full").isFalse();
        } finally {
            release.countDown();
            jobExecutor.setTaskExecutor(threads);
            one.shutdown();
            dispatch.close();
        }
    }

    @Test
    void jobsPromisedByATransactionStillOpenTakeTheirRoomUntilItEnds() {
        SpringJobExecutor jobExecutor = (SpringJobExecutor) engine.getJobExecutor();
        TaskExecutor threads = jobExecutor.getTaskExecutor();
        ThreadPoolTaskExecutor one = new ThreadPoolTaskExecutor(); // room for two: one running, one queued
        one.setCorePoolSize(1);
        one.setMaxPoolSize(1);
        one.setQueueCapacity(1);
        one.initialize();
        JobDispatch dispatch = new JobDispatch(engine);
        jobExecutor.setTaskExecutor(one);
        try {
            List<Boolean> taken = new TransactionTemplate(transactions).execute(status -> {
                status.setRollbackOnly(); // nothing to run afterwards: the jobs below exist only in memory
                return engine.getCommandExecutorTxRequired().execute(context -> {
                    List<Boolean> answers = new ArrayList<>();
                    for (int i = 1; i <= 3; i++) {
                        MessageEntity job = new MessageEntity();
                        job.setId("promised-" + i);
                        boolean takes = dispatch.takes(job);
                        answers.add(takes);
                        if (takes) {
                            dispatch.lockAndRunAfterCommit(job);
                        }
                    }
                    return answers;
                });
            });

            assertThat(taken).as("two promised to the idle thread and its queue, the third left to the acquisition")
                    .containsExactly(true, true, false);
            MessageEntity later = new MessageEntity();
            later.setId("after-the-transaction");
            assertThat(dispatch.takes(later)).as("the room is free again once the transaction ended").isTrue();
        } finally {
            jobExecutor.setTaskExecutor(threads);
            one.shutdown();
            dispatch.close();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String callout(String name) {
        return callouts.create(CalloutEngineTest.draft(CalloutEngineTest.unique(name), RMM.url("/rmm/dispatch"),
                "POST", "JSON", "ON_ERROR", "d@msp.example")).name();
    }

    private String start(String calloutName, String ticketNumber) {
        return runtime.startProcessInstanceByKey("extension-callout", Variables.createVariables()
                .putValue("calloutName", calloutName)
                .putValueTyped("ticket", CalloutEngineTest.json(CalloutEngineTest.ticket(ticketNumber, "a-1")))
                .putValue("ticketEvent", "EDITED")).getId();
    }
}
