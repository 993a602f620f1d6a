package com.extensioncallouts.http;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import com.extensioncallouts.CalloutsProperties;

/**
 * Each callout's share of this node: at most {@code callouts.http.max-concurrent-per-callout} of its requests
 * open at once. An RMM that accepts connections and never answers then holds that many job threads and
 * connections, never all of them, and the callouts to other RMMs keep their pace (Zendesk's 2023 webhook
 * outage was one stuck endpoint blocking every delivery behind it).
 *
 * <p>A turn is asked for without waiting more than {@link #ASK_WAIT}: a thread that finds the share taken is
 * given back to the job executor at once, and the delivery waits for a turn in the BPMN. How long it waits
 * ({@link #turnWait}) follows how long this callout's requests take and how many deliveries wait for one: a
 * fast RMM that is merely busy frees a turn within milliseconds, a hanging one a few per timeout, and
 * deliveries that ask more often than turns come free only keep the job executor from the other callouts.
 */
@Component
public class CalloutShares {

    /** How long a thread may wait for a turn before it gives up and the delivery waits in the BPMN. */
    static final Duration ASK_WAIT = Duration.ofMillis(25);
    /** The shortest wait for a turn; a busy fast RMM frees one within this time. */
    static final Duration MIN_TURN_WAIT = Duration.ofMillis(250);

    private final int permits;
    private final Duration timeout;
    /** The longest wait for a turn: a request is aborted after at most three timeouts, or the retry interval. */
    private final Duration maxTurnWait;
    private final ConcurrentMap<Long, Share> shares = new ConcurrentHashMap<>();

    CalloutShares(CalloutsProperties properties) {
        this.permits = properties.http().maxConcurrentPerCallout();
        this.timeout = properties.http().timeout();
        this.maxTurnWait = max(timeout.multipliedBy(3), properties.retry().interval());
    }

    /**
     * A turn to send one request for this callout, or empty when its share is taken. Close it once sent.
     * {@code waiter} names the delivery (its process instance), so that one that waited is no longer counted.
     */
    public Optional<Turn> tryTake(long calloutId, String waiter) {
        Share share = shares.computeIfAbsent(calloutId, id -> new Share(permits));
        try {
            if (!share.permits.tryAcquire(ASK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        share.waiting.remove(waiter);
        Turn turn = new Turn(share, System.nanoTime());
        share.open.add(turn);
        return Optional.of(turn);
    }

    /**
     * How long {@code waiter}, which found this callout's share taken, waits before it asks again: as long as
     * the callout's requests have been taking (the longest still open, or the recent average), times the
     * deliveries waiting per turn; at least {@link #MIN_TURN_WAIT}, at most three timeouts or the retry
     * interval; spread by ±50 % so that the waiting ones do not all ask at once.
     */
    public Duration turnWait(long calloutId, String waiter) {
        Share share = shares.computeIfAbsent(calloutId, id -> new Share(permits));
        long now = System.nanoTime();
        share.waiting.put(waiter, now);
        // A delivery that stopped waiting elsewhere (withdrawn, another node) is forgotten after a while
        share.waiting.values().removeIf(since -> now - since > 2 * maxTurnWait.toNanos());
        long perRequest = Math.max(share.averageNanos.get(), share.oldestOpenNanos(now));
        double waitersPerTurn = Math.max(1.0, share.waiting.size() / (double) permits);
        long nanos = (long) Math.min(maxTurnWait.toNanos(),
                Math.max(MIN_TURN_WAIT.toNanos(), perRequest * waitersPerTurn));
        double spread = 0.5 + ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.max(1, (long) (nanos * spread / 1_000_000)));
    }

    /** Deliveries of this callout that found its share taken on this node and wait for a turn. */
    public int waiting(long calloutId) {
        Share share = shares.get(calloutId);
        return share == null ? 0 : share.waiting.size();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Requests of this callout open now on this node. */
    public int open(long calloutId) {
        Share share = shares.get(calloutId);
        return share == null ? 0 : share.open.size();
    }

    public int permits() {
        return permits;
    }

    /** One callout's permits, the turns now open, and the recent average time a turn was held. */
    private static final class Share {

        private final Semaphore permits;
        private final Set<Turn> open = ConcurrentHashMap.newKeySet();
        /** Deliveries waiting for a turn, and since when ({@link System#nanoTime()}) they last asked. */
        private final ConcurrentMap<String, Long> waiting = new ConcurrentHashMap<>();
        private final AtomicLong averageNanos = new AtomicLong();

        Share(int permits) {
            this.permits = new Semaphore(permits);
        }

        long oldestOpenNanos(long now) {
            long oldest = 0;
            for (Turn turn : open) {
                oldest = Math.max(oldest, now - turn.startedNanos);
            }
            return oldest;
        }

        void ended(Turn turn) {
            long held = System.nanoTime() - turn.startedNanos;
            // exponentially weighted: recent requests count most
            averageNanos.updateAndGet(average -> average == 0 ? held : (average * 4 + held) / 5);
            open.remove(turn);
            permits.release();
        }
    }

    /** A taken turn; closing it (once the request is done) gives it back. */
    public static final class Turn implements AutoCloseable {

        private final Share share;
        private final long startedNanos;
        private boolean closed;

        private Turn(Share share, long startedNanos) {
            this.share = share;
            this.startedNanos = startedNanos;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                share.ended(this);
            }
        }
    }
}
