package com.extensioncallouts;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Typed configuration under {@code callouts.*}. Defaults follow the service desk this product is
 * modelled on: resend every 60 seconds, up to 10 more times.
 */
@ConfigurationProperties("callouts")
public record CalloutsProperties(
        @DefaultValue Retry retry,
        @DefaultValue Http http,
        @DefaultValue Mail mail,
        @DefaultValue Cache cache,
        @DefaultValue TicketEvents ticketEvents,
        /** Deactivate a callout after this many deliveries in a row failed for good; 0: never. */
        @DefaultValue("25") int autoDeactivateAfter,
        /** Deliveries and attempts older than this are removed during the history clean-up window. */
        @DefaultValue("P30D") Duration retention,
        /** Base address of this application as users reach it; used for links to Cockpit in e-mails. */
        @DefaultValue("http://localhost:8080") URI publicUrl) {

    public CalloutsProperties {
        // A change made on another node (a callout deactivated, a password changed) must be seen here before
        // the next retry: nothing is kept longer than one retry interval
        if (cache != null && retry != null && retry.interval() != null
                && retry.interval().compareTo(Duration.ZERO) > 0) {
            cache = cache.atMost(retry.interval());
        }
    }

    public record Retry(
            @DefaultValue("PT60S") Duration interval,
            @DefaultValue("10") int maxRetries) {
    }

    /**
     * {@code timeout}: connect and read timeout of one attempt. {@code maxConcurrentPerCallout}: requests one
     * callout may have open at once on this node, its share of the job executor's threads and of the
     * connections to its RMM. A delivery that finds its callout's share taken waits for a turn without
     * spending an attempt, so an RMM that hangs holds at most this many threads.
     */
    public record Http(
            @DefaultValue("PT30S") Duration timeout,
            @DefaultValue("4") int maxConcurrentPerCallout) {

        public static final int DEFAULT_MAX_CONCURRENT_PER_CALLOUT = 4;

        @ConstructorBinding
        public Http {
            if (maxConcurrentPerCallout < 1) {
                throw new IllegalArgumentException("callouts.http.max-concurrent-per-callout must be 1 or more, not "
                        + maxConcurrentPerCallout);
            }
        }

        public Http(Duration timeout) {
            this(timeout, DEFAULT_MAX_CONCURRENT_PER_CALLOUT);
        }
    }

    /**
     * How long this node may keep what it read (callouts, verified passwords) before reading it again. A
     * change made on this node is seen at once; one made on another node of a cluster within this time, and
     * never later than one {@code callouts.retry.interval}: a longer time is cut to that.
     */
    public record Cache(
            @DefaultValue("PT5S") Duration callouts,
            @DefaultValue("PT30S") Duration verifiedCredentials) {

        /** These times, none longer than {@code limit}. */
        Cache atMost(Duration limit) {
            return new Cache(min(callouts, limit), min(verifiedCredentials, limit));
        }

        private static Duration min(Duration ttl, Duration limit) {
            return ttl == null || ttl.compareTo(limit) > 0 ? limit : ttl;
        }
    }

    /**
     * How many turns work on ticket events at once (a thread and a connection each); events wait for a turn,
     * up to {@code maxWait}, then get 503. A storm of ticket events must not take every database connection
     * and CPU from the deliveries. {@code maxConcurrent} 0 means twice the number of processors. {@code h2WriteInterval}: on the embedded
     * H2 file, the least time between two of the file writes that ticket events wait for before their
     * {@code 202}; the events of that time share one write ({@code PT0S}: as soon as the last one ended).
     * {@code maxBatch}: how many ticket events that waited together a turn sends in one engine transaction.
     */
    public record TicketEvents(
            @DefaultValue("0") int maxConcurrent,
            @DefaultValue("PT30S") Duration maxWait,
            @DefaultValue("PT0.05S") Duration h2WriteInterval,
            @DefaultValue("16") int maxBatch) {

        static final Duration MAX_H2_WRITE_INTERVAL = Duration.ofSeconds(1);
        static final int MAX_BATCH = 256;

        public TicketEvents {
            if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
                throw new IllegalArgumentException("callouts.ticket-events.max-wait must be longer than PT0S (how "
                        + "long a ticket event may wait for a turn before it is refused), not " + maxWait);
            }
            if (maxBatch < 1 || maxBatch > MAX_BATCH) {
                throw new IllegalArgumentException("callouts.ticket-events.max-batch must be between 1 (one transaction "
                        + "per ticket event) and " + MAX_BATCH + ", not " + maxBatch);
            }
            if (h2WriteInterval == null || h2WriteInterval.isNegative()
                    || h2WriteInterval.compareTo(MAX_H2_WRITE_INTERVAL) > 0) {
                throw new IllegalArgumentException("callouts.ticket-events.h2-write-interval must be between PT0S and "
                        + MAX_H2_WRITE_INTERVAL + " (every ticket event may wait that long for its 202), not "
                        + h2WriteInterval);
            }
        }

        public int concurrency() {
            return maxConcurrent > 0 ? maxConcurrent : 2 * Runtime.getRuntime().availableProcessors();
        }
    }

    public record Mail(
            @DefaultValue("callouts@localhost") String from) {
    }
}
