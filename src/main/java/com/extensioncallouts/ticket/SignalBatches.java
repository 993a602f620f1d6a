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
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
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
 * Sends the signals of ticket events on threads of its own, one per turn
 * ({@code callouts.ticket-events.max-concurrent}). A turn that comes free while no other is free takes the events
 * waiting for it, up to {@code callouts.ticket-events.max-batch}, into one engine transaction: one commit, and one
 * flush whose inserts reach the database in one JDBC batch per table, for a storm of events instead of one of each
 * per event. While turns are free every event runs at once and alone.
 * <p>
 * The events of a transaction stand or fall together. If one makes a rule fail, the transaction is rolled back
 * (our own tables with it, and no job is handed to a thread), that event is sent again alone, for its own error,
 * and the others again together. If the transaction could not even begin (the database away) or its outcome is
 * unknown, every event gets that error and nothing is sent again. If it committed and only something after the
 * commit failed, every event is answered with its rules, never sent twice. What a rule does before its first
 * wait state is part of the transaction, so sending an event again repeats log lines and Camunda's own activity
 * counters, and anything a rule does outside the database there (the designers' guide says to keep that behind
 * an asynchronous boundary). A caller whose event was taken waits for its answer however long the transactions
 * before it take.
 * <p>
 * An instance waiting for the signal at a catch event is triggered by the first event of the transaction that
 * carries it, as if the events had come one after the other (in transactions of their own at the same moment,
 * the second would fail on the engine's optimistic lock instead).
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
    /** Turns waiting for an event: while one is, the others take no more than one event each. */
    private final AtomicInteger idle = new AtomicInteger();
    private final List<Thread> turns = new ArrayList<>();
    private volatile boolean running = true;

    SignalBatches(RuntimeService runtimeService, ProcessEngineConfigurationImpl engine, CalloutsProperties properties,
            MeterRegistry registry) {
        this.runtimeService = runtimeService;
        this.commands = engine.getCommandExecutorTxRequired();
        this.maxWait = properties.ticketEvents().maxWait();
        this.maxBatch = properties.ticketEvents().maxBatch();
        this.perTransaction = DistributionSummary.builder(PER_TRANSACTION)
                .description("Ticket events sent in one committed engine transaction")
                .register(registry);
        for (int i = 1; i <= properties.ticketEvents().concurrency(); i++) {
            Thread turn = new Thread(this::work, "ticket-events-" + i);
            turn.setDaemon(true);
            turns.add(turn);
            turn.start();
        }
    }

    /**
     * Sends {@code signal} with the variables {@code variables} makes (anew for each attempt) and returns the
     * root process instances it started, once they are committed. Waits up to {@code max-wait} for a turn;
     * without one, nothing is started: 503.
     */
    List<StartedRule> send(String signal, Supplier<VariableMap> variables) {
        Pending event = new Pending(signal, variables);
        waiting.add(event);
        if (!running && event.giveUp()) {
            waiting.remove(event);
            throw stopping();
        }
        boolean interrupted = false;
        boolean taken;
        try {
            taken = event.taken.await(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
            taken = false;
        }
        if (!taken && event.giveUp()) {
            waiting.remove(event);
            if (interrupted) {
                Thread.currentThread().interrupt();
                throw new BusyException("Interrupted while waiting for a turn; no rule was started. Send the "
                        + "ticket event again.", Duration.ofSeconds(1));
            }
            throw running ? new BusyException("Too many ticket events at once; none was started for this one. "
                    + "Send it again in a moment.", Duration.ofSeconds(1)) : stopping();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return event.outcome();
    }

    /** Ticket events waiting for a turn. */
    int waiting() {
        return waiting.size();
    }

    private void work() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running) {
            Pending first;
            idle.incrementAndGet();
            try {
                first = waiting.poll(POLL.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            } finally {
                idle.decrementAndGet();
            }
            if (first == null) {
                continue;
            }
            batch.clear();
            try {
                if (first.take()) {
                    batch.add(first);
                }
                Pending next;
                // a free turn takes the next event itself (the queue wakes it): run it at once, alone
                while (batch.size() < maxBatch && idle.get() == 0 && (next = waiting.poll()) != null) {
                    if (next.take()) {
                        batch.add(next);
                    }
                }
                send(batch);
            } catch (Throwable unexpected) {
                batch.forEach(event -> event.result.completeExceptionally(unexpected)); // no effect on those answered
            }
        }
    }

    private void send(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Transaction transaction = new Transaction();
        try {
            commands.execute(context -> {
                context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                        committed -> transaction.committed = true);
                context.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK,
                        rolledBack -> transaction.rolledBack = true);
                for (Pending event : batch) {
                    transaction.started.add(started(context, event));
                }
                return null;
            });
        } catch (RuntimeException | Error e) {
            if (transaction.committed) {
                TicketLog.failedAfterCommit(batch.size(), e);
                complete(batch, transaction.started);
            } else if (!transaction.rolledBack || batch.size() == 1) {
                batch.forEach(event -> event.result.completeExceptionally(e));
            } else {
                TicketLog.transactionFailed(batch.size(), e);
                int failing = transaction.started.size();
                if (failing < batch.size()) {
                    List<Pending> others = new ArrayList<>(batch);
                    Pending failed = others.remove(failing);
                    send(others);
                    send(List.of(failed));
                } else {
                    // failed at the flush: which event's row, the engine does not say
                    batch.forEach(event -> send(List.of(event)));
                }
            }
            return;
        }
        complete(batch, transaction.started);
    }

    private void complete(List<Pending> batch, List<List<StartedRule>> started) {
        perTransaction.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result.complete(started.get(i));
        }
    }

    /** Starts the event's rules in this command; each builder is new, nothing kept from an attempt rolled back. */
    private List<StartedRule> started(CommandContext context, Pending event) {
        SignalEventReceivedBuilderImpl signal = (SignalEventReceivedBuilderImpl) runtimeService
                .createSignalEvent(event.signal).setVariables(event.variables.get());
        return StartedRules.during(() -> new SignalEventReceivedCmd(signal).execute(context));
    }

    /** Lets the transactions under way finish; events still waiting are refused as if they had found no turn. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + maxWait.toNanos() + POLL.toNanos();
        for (Thread turn : turns) {
            turn.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
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

    /** What became of one shared transaction. */
    private static final class Transaction {
        final List<List<StartedRule>> started = new ArrayList<>();
        volatile boolean committed;
        volatile boolean rolledBack;
    }

    /** One ticket event's signal, from the caller who waits for it to the turn that sends it. */
    private static final class Pending {

        private static final int WAITING = 0;
        private static final int TAKEN = 1;
        private static final int GIVEN_UP = 2;

        final String signal;
        final Supplier<VariableMap> variables;
        final CountDownLatch taken = new CountDownLatch(1);
        final CompletableFuture<List<StartedRule>> result = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(WAITING);

        Pending(String signal, Supplier<VariableMap> variables) {
            this.signal = signal;
            this.variables = variables;
        }

        /** A turn takes it, unless its caller gave up waiting first. */
        boolean take() {
            if (state.compareAndSet(WAITING, TAKEN)) {
                taken.countDown();
                return true;
            }
            return false;
        }

        /** Its caller stops waiting, unless a turn took it first (then the caller waits for it). */
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
