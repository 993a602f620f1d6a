package com.extensioncallouts.callout;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Callouts by name key, as every trigger and attempt looks them up. Cleared on every change made through
 * {@link CalloutService} (at once, and again when the change commits, so no reader caches the old row in
 * between); an entry is read again after {@code callouts.cache.callouts}, which is how long a change made
 * on another node of a cluster may take to be seen here.
 */
final class CalloutCache {

    private record Entry(Optional<Callout> callout, long readAtNanos) {
    }

    private final Map<String, Entry> byNameKey = new ConcurrentHashMap<>();
    private final long ttlNanos;

    CalloutCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<Callout> get(String nameKey, Function<String, Optional<Callout>> read) {
        Entry entry = byNameKey.get(nameKey);
        long now = System.nanoTime();
        if (entry == null || now - entry.readAtNanos() >= ttlNanos) {
            entry = new Entry(read.apply(nameKey), now);
            if (ttlNanos > 0) {
                byNameKey.put(nameKey, entry);
            }
        }
        return entry.callout();
    }

    /** Forgets every entry now, and again once the current transaction (if any) has committed. */
    void changed() {
        byNameKey.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    byNameKey.clear();
                }
            });
        }
    }
}
