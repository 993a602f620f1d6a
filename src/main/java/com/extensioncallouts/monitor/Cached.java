package com.extensioncallouts.monitor;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read again only once it is older than {@code maxAge}: a Prometheus scrape or a probe every few
 * seconds, from several scrapers, costs one query per interval at most.
 */
final class Cached<T> implements Supplier<T> {

    private final long maxAgeNanos;
    private final Supplier<T> source;
    private T value;
    private long readAt;
    private boolean read;

    Cached(Duration maxAge, Supplier<T> source) {
        this.maxAgeNanos = maxAge.toNanos();
        this.source = source;
    }

    @Override
    public synchronized T get() {
        long now = System.nanoTime();
        if (!read || now - readAt >= maxAgeNanos) {
            value = source.get();
            readAt = now;
            read = true;
        }
        return value;
    }
}
