package com.extensioncallouts.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends ticket events to an application and waits for the RMM to receive them. Open loop: events leave
 * at the given rate whether or not earlier ones were answered, so a slow application cannot slow the
 * load down (what a monitoring storm does).
 */
final class LoadDriver {

    /** One event: when it was sent, when its POST was accepted (0: refused or failed), when it arrived. */
    record Sent(long ticketId, long sentAt, long acceptedAt) {
    }

    /** A run of events at one rate, once every event arrived or the drain time passed. */
    record Run(double offeredRate, List<Sent> sent, int refused, int lost, long firstSent, long lastArrival,
            long[] fromAccepted, long[] fromSent) {

        int events() {
            return sent.size();
        }

        /** Events delivered per second, from the first post to the last arrival. */
        double throughput() {
            int delivered = events() - lost;
            double seconds = (lastArrival - firstSent) / 1e9;
            return delivered <= 0 || seconds <= 0 ? 0 : delivered / seconds;
        }

        double seconds() {
            return (lastArrival - firstSent) / 1e9;
        }
    }

    private static final AtomicLong TICKET_IDS = new AtomicLong(1_000_000);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Receiver receiver;

    LoadDriver(Receiver receiver) {
        this.receiver = receiver;
    }

    /** {@code count} events at {@code rate} per second; waits at most {@code drain} after the last for arrivals. */
    Run openLoop(EventTarget target, String event, double rate, int count, Duration drain) {
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        List<CompletableFuture<Sent>> sent = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            sent.add(send(target, event));
        }
        return collect(rate, sent, drain);
    }

    /** {@code count} events from {@code clients} clients that each send the next as soon as one is answered. */
    Run closedLoop(EventTarget target, String event, int clients, int count, Duration drain) {
        List<CompletableFuture<Sent>> sent = new ArrayList<>(count);
        List<Thread> threads = new ArrayList<>();
        AtomicLong left = new AtomicLong(count);
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (left.getAndDecrement() > 0) {
                    CompletableFuture<Sent> one = send(target, event);
                    synchronized (sent) {
                        sent.add(one);
                    }
                    one.join();
                }
            });
            t.start();
            threads.add(t);
        }
        threads.forEach(LoadDriver::join);
        return collect(Double.NaN, sent, drain);
    }

    private CompletableFuture<Sent> send(EventTarget target, String event) {
        long id = TICKET_IDS.incrementAndGet();
        long sentAt = System.nanoTime();
        return client.sendAsync(target.event(id, event), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> new Sent(id, sentAt,
                        failure == null && response.statusCode() / 100 == 2 ? System.nanoTime() : 0));
    }

    private Run collect(double rate, List<CompletableFuture<Sent>> futures, Duration drain) {
        List<Sent> sent = futures.stream().map(CompletableFuture::join).toList();
        long deadline = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < deadline && !allArrived(sent)) {
            LockSupport.parkNanos(20_000_000);
        }
        int refused = 0;
        int lost = 0;
        long firstSent = Long.MAX_VALUE;
        long lastArrival = 0;
        long[] fromAccepted = new long[sent.size()];
        long[] fromSent = new long[sent.size()];
        int n = 0;
        for (Sent s : sent) {
            firstSent = Math.min(firstSent, s.sentAt());
            if (s.acceptedAt() == 0) {
                refused++;
                continue;
            }
            long arrived = receiver.firstArrival(s.ticketId());
            if (arrived == 0) {
                lost++;
                continue;
            }
            lastArrival = Math.max(lastArrival, arrived);
            // The request may reach the RMM before the ticket system has read its 202: that is 0 ms, not less
            fromAccepted[n] = Math.max(0, arrived - s.acceptedAt());
            fromSent[n] = arrived - s.sentAt();
            n++;
        }
        return new Run(rate, sent, refused, lost + refused, firstSent, lastArrival,
                java.util.Arrays.copyOf(fromAccepted, n), java.util.Arrays.copyOf(fromSent, n));
    }

    /**
     * The {@code n} events of a run slowest end to end, each as when it was sent (from the run's first send), how
     * long its POST took to be accepted and when it arrived at the RMM (both from its own send): where a tail was spent.
     */
    List<String> slowest(Run run, int n) {
        record Delivered(Sent sent, long arrivedAt) {
            long endToEnd() {
                return arrivedAt - sent.sentAt();
            }
        }
        return run.sent().stream()
                .filter(s -> s.acceptedAt() != 0)
                .map(s -> new Delivered(s, receiver.firstArrival(s.ticketId())))
                .filter(d -> d.arrivedAt() != 0)
                .sorted(Comparator.comparingLong(Delivered::endToEnd).reversed())
                .limit(n)
                .map(d -> String.format("ticket %d sent at +%.3f s: accepted after %.1f ms, arrived after %.1f ms",
                        d.sent().ticketId(), (d.sent().sentAt() - run.firstSent()) / 1e9,
                        (d.sent().acceptedAt() - d.sent().sentAt()) / 1e6, d.endToEnd() / 1e6))
                .toList();
    }

    private boolean allArrived(List<Sent> sent) {
        for (Sent s : sent) {
            if (s.acceptedAt() != 0 && receiver.firstArrival(s.ticketId()) == 0) {
                return false;
            }
        }
        return true;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
