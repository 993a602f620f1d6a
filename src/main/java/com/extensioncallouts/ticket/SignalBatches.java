package com.extensioncallouts.ticket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.problem.BusyException;
import com.extensioncallouts.ticket.TicketEventPublisher.StartedRule;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the signals of ticket events on a few threads of its own ({@code callouts.ticket-events.max-concurrent},
 * a turn each), several events that waited together in one engine transaction
 * ({@code callouts.ticket-events.max-batch}): one commit, one flush whose inserts go to the database in one
 * JDBC batch per table, for a storm of events instead of one of each per event. An event that finds a
 * thread free runs at once and alone, so a quiet system answers as fast as before.
 * <p>
 * The events of a transaction stand or fall together, so when one fails the transaction is rolled back
 * (nothing of it was committed and no job left for a thread) and each of its events runs again alone: the
 * failing one gets its own error, the others their rules. Rules run in the event's transaction and may only
 * change the database, so running one again repeats nothing but log lines.
 */
@Component
class SignalBatches implements DisposableBean {

    static final String PER_TRANSACTION = "callouts.ticket-events.per-transaction";
    private static final Duration POLL = Duration.ofMillis(200);

    private final RuntimeService runtimeService;
    private final CommandExecutor commands;
    private final Duration maxWait;
    private final int maxBatch;
    private final DistributionSummary perTransaction;
    private final LinkedBlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    SignalBatches(RuntimeService runtimeService, ProcessEngineConfigurationImpl engine, CalloutsProperties properties,
            MeterRegistry registry) {
        this.runtimeService = runtimeService;
        this.commands = engine.getCommandExecutorTxRequired();
        this.maxWait = properties.ticketEvents().maxWait();
        this.maxBatch = properties.ticketEvents().maxBatch();
        this.perTransaction = DistributionSummary.builder(PER_TRANSACTION)
                .description("Ticket events whose rules started in one committed engine transaction")
                .register(registry);
        for (int i = 1; i <= properties.ticketEvents().concurrency(); i++) {
            Thread worker = new Thread(this::work, "ticket-events-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Sends {@code signal} with these variables and returns the root process instances it started, once they
     * are committed. Waits up to {@code max-wait} for a turn; without one, nothing is started: 503.
     */
    List<StartedRule> send(String signal, VariableMap variables) {
        Pending event = new Pending((SignalEventReceivedBuilderImpl) runtimeService.createSignalEvent(signal)
                .setVariables(variables));
        if (!running) {
            throw stopping();
        }
        waiting.add(event);
        boolean taken;
        try {
            taken = event.taken.await(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken && event.giveUp()) {
            waiting.remove(event);
            throw new BusyException("Too many ticket events at once; none was started for this one. "
                    + "Send it again in a moment.", Duration.ofSeconds(1));
        }
        return event.outcome();
    }

    private void work() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running) {
            Pending first;
            try {
                first = waiting.poll(POLL.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            batch.clear();
            if (first.take()) {
                batch.add(first);
            }
            Pending next;
            while (batch.size() < maxBatch && (next = waiting.poll()) != null) {
                if (next.take()) {
                    batch.add(next);
                }
            }
            if (batch.size() == 1) {
                runAlone(batch.get(0));
            } else if (!batch.isEmpty()) {
                runTogether(batch);
            }
        }
    }

    private void runTogether(List<Pending> batch) {
        List<List<StartedRule>> started;
        try {
            started = commands.execute((Command<List<List<StartedRule>>>) context -> {
                List<List<StartedRule>> each = new ArrayList<>(batch.size());
                for (Pending event : batch) {
                    each.add(StartedRules.during(() -> new SignalEventReceivedCmd(event.signal).execute(context)));
                }
                return each;
            });
        } catch (RuntimeException e) {
            TicketLog.transactionFailed(batch.size(), e);
            batch.forEach(this::runAlone);
            return;
        }
        perTransaction.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result.complete(started.get(i));
        }
    }

    private void runAlone(Pending event) {
        try {
            List<StartedRule> started = commands.execute(context -> StartedRules.during(
                    () -> new SignalEventReceivedCmd(event.signal).execute(context)));
            perTransaction.record(1);
            event.result.complete(started);
        } catch (Throwable e) {
            event.result.completeExceptionally(e);
        }
    }

    /** Ticket events waiting for a turn. */
    int waiting() {
        return waiting.size();
    }

    /** Lets the batches under way finish; events still waiting are refused as if they had found no turn. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        for (Thread worker : workers) {
            worker.join(maxWait.toMillis() + POLL.toMillis());
        }
        Pending left;
        while ((left = waiting.poll()) != null) {
            if (left.take()) {
                left.result.completeExceptionally(stopping());
            }
        }
    }

    private static BusyException stopping() {
        return new BusyException("The application is stopping; no rule was started. Send the ticket event again.",
                Duration.ofSeconds(1));
    }

    /** One ticket event's signal, from the caller who waits for it to the thread that sends it. */
    private static final class Pending {

        private static final int WAITING = 0;
        private static final int TAKEN = 1;
        private static final int GIVEN_UP = 2;

        final SignalEventReceivedBuilderImpl signal;
        final CountDownLatch taken = new CountDownLatch(1);
        final CompletableFuture<List<StartedRule>> result = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(WAITING);

        Pending(SignalEventReceivedBuilderImpl signal) {
            this.signal = signal;
        }

        /** A sending thread takes it, unless its caller gave up waiting first. */
        boolean take() {
            if (state.compareAndSet(WAITING, TAKEN)) {
                taken.countDown();
                return true;
            }
            return false;
        }

        /** Its caller stops waiting, unless a sending thread took it first (then the caller waits for it). */
        boolean giveUp() {
            return state.compareAndSet(WAITING, GIVEN_UP);
        }

        /** The rules it started, or what the engine threw sending it (as thrown, on the caller's thread). */
        List<StartedRule> outcome() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return result.get();
                    } catch (InterruptedException e) {
                        interrupted = true; // it is being sent: its caller learns how it went
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException runtime) {
                            throw runtime;
                        }
                        if (e.getCause() instanceof Error error) {
                            throw error;
                        }
                        throw new IllegalStateException(e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
