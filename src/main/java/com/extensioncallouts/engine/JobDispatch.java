package com.extensioncallouts.engine;

import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs jobs on this node's job executor without waiting for the job acquisition to find them.
 *
 * <p>An asynchronous continuation that an API call creates (the "Send callout" job of a ticket event) is
 * locked to this node as it is inserted and handed to the job executor's threads when the call's transaction
 * commits: no acquisition query, no second update to lock it, no wait. Camunda does the same for an
 * exclusive job that a running job creates in its own process instance. If this node dies first, the lock
 * expires like any acquired job's. A job the job executor's threads and queue have no room for (counting the
 * jobs promised to them by transactions still open) is left unlocked for the acquisition to take; if they
 * are full all the same when it commits, the job is unlocked again.
 *
 * <p>A timer (the wait before a retry) wakes the acquisition at its due time, so a retry leaves when it is
 * due rather than at the acquisition's next idle poll.
 */
class JobDispatch implements AutoCloseable {

    private final ProcessEngineConfigurationImpl configuration;
    /** Jobs locked to this node by transactions that have not completed yet. */
    private final AtomicInteger promised = new AtomicInteger();
    private final ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "callout-timer-wake-up");
        t.setDaemon(true);
        return t;
    });

    JobDispatch(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /**
     * Whether this job can be run here directly: an asynchronous continuation, due, created by an API call or
     * by a job of another process instance (a recovery starting deliveries). A job's follow-up in its own
     * process instance is left to Camunda, which runs it in the same thread.
     */
    boolean takes(JobEntity job) {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        JobExecutorContext running = Context.getJobExecutorContext();
        return job instanceof MessageEntity
                && jobExecutor instanceof SpringJobExecutor
                && jobExecutor.isActive()
                && !job.isSuspended()
                && (running == null || running.getCurrentJob() == null
                        || !String.valueOf(job.getProcessInstanceId()).equals(running.getCurrentJob().getProcessInstanceId()))
                && (job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime()))
                && job.getPriority() >= configuration.getJobExecutorPriorityRangeMin()
                && job.getPriority() <= configuration.getJobExecutorPriorityRangeMax()
                && hasRoom();
    }

    /**
     * Whether the job executor's threads and queue can take one more job besides those promised to them by
     * transactions not yet committed (a batch of ticket events creates many jobs at once). A job they could
     * not take would be unlocked again in a transaction of its own; left unlocked, the acquisition takes it.
     */
    private boolean hasRoom() {
        if (!(taskExecutor() instanceof ThreadPoolTaskExecutor pool)) {
            return true;
        }
        long room = (long) pool.getMaxPoolSize() + pool.getQueueCapacity();
        return pool.getActiveCount() + pool.getQueueSize() + promised.get() < room;
    }

    private TaskExecutor taskExecutor() {
        return ((SpringJobExecutor) configuration.getJobExecutor()).getTaskExecutor();
    }

    /** Locks the job to this node now; runs it once the creating transaction has committed. */
    void lockAndRunAfterCommit(JobEntity job) {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        job.setLockOwner(jobExecutor.getLockOwner());
        job.setLockExpirationTime(new Date(ClockUtil.getCurrentTime().getTime() + jobExecutor.getLockTimeInMillis()));
        String jobId = job.getId();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            promised.incrementAndGet();
            // after every commit's afterCommit (run below), and also after a rollback or an unknown outcome
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    promised.decrementAndGet();
                }
            });
        }
        Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, context -> run(jobId));
    }

    /** Wakes the acquisition when this timer, once committed, is due. */
    void wakeAcquisitionAt(Date dueDate) {
        long delay = Math.max(0, dueDate.getTime() - ClockUtil.getCurrentTime().getTime());
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                context -> {
                    try {
                        wakeUps.schedule(() -> configuration.getJobExecutor().jobWasAdded(), delay,
                                TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException stopping) {
                        // shutting down: the acquisition of the next start finds the timer
                    }
                });
    }

    /**
     * Runs after the creating transaction committed, inside its commit: it must not throw, or the caller
     * would take a committed transaction for a failed one.
     */
    private void run(String jobId) {
        try {
            taskExecutor().execute(() -> execute(jobId));
        } catch (RejectedExecutionException full) {
            try {
                // a new command context and transaction: the creating one has committed and is closing
                configuration.getCommandExecutorTxRequiresNew().execute(new UnlockJobCmd(jobId));
                configuration.getJobExecutor().jobWasAdded();
            } catch (RuntimeException e) {
                EngineLog.dispatchedJobNotUnlocked(jobId, e); // its lock expires; the acquisition takes it then
            }
        }
    }

    /** What the job executor's own runnable does for one job, follow-up exclusive jobs included. */
    private void execute(String jobId) {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        CommandExecutor commands = configuration.getCommandExecutorTxRequired();
        JobExecutorContext context = new JobExecutorContext();
        List<String> queue = context.getCurrentProcessorJobQueue();
        queue.add(jobId);
        Context.setJobExecutorContext(context);
        try {
            while (!queue.isEmpty()) {
                String next = queue.remove(0);
                try {
                    if (jobExecutor.isActive()) {
                        ExecuteJobHelper.executeJob(next, commands);
                    } else {
                        commands.execute(new UnlockJobCmd(next));
                    }
                } catch (Throwable t) {
                    EngineLog.dispatchedJobFailed(next, t);
                }
            }
        } finally {
            Context.removeJobExecutorContext();
        }
    }

    @Override
    public void close() {
        wakeUps.shutdownNow();
    }
}
