package com.extensioncallouts.journal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.BatchWindow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.extensioncallouts.CalloutsProperties;

/**
 * Removes deliveries, attempts and notifications older than {@code callouts.retention} (P30D, the processes'
 * history time to live), during Camunda's history clean-up window, in small batches of their own transaction
 * so that no delivery ever waits for it. Records of an instance that still runs (an incident waiting for
 * an operator) stay until it ends.
 */
@Component
class Retention {

    static final int BATCH = 500;

    private static final String NOT_RUNNING = """
            NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.PROC_INST_ID_ = t.process_instance_id)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate batchTransaction;
    private final ProcessEngineConfigurationImpl engine;
    private final Duration retention;

    Retention(JdbcTemplate jdbc, PlatformTransactionManager transactions, ProcessEngineConfigurationImpl engine,
            CalloutsProperties properties) {
        this.jdbc = jdbc;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.engine = engine;
        this.retention = properties.retention();
    }

    /** Every few minutes; does something only inside the clean-up window. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
    void duringCleanupWindow() {
        Date now = new Date();
        if (!engine.getBatchWindowManager().isBatchWindowConfigured(engine)) {
            return;
        }
        BatchWindow window = engine.getBatchWindowManager().getCurrentOrNextBatchWindow(now, engine);
        if (window != null && window.isWithin(now)) {
            removeOld(now.toInstant(), window.getEnd() == null ? null : window.getEnd().toInstant());
        }
    }

    /** Removes records older than the retention, batch after batch, until none is left or {@code stopAt} passed. */
    int removeOld(Instant now, Instant stopAt) {
        Timestamp cutoff = Timestamp.from(now.minus(retention));
        int removed = 0;
        for (String table : new String[] { "callout_attempt", "callout_notification", "callout_delivery" }) {
            String column = "callout_attempt".equals(table) ? "sent_at" : "created_at";
            int batch;
            do {
                batch = removeBatch(table, column, cutoff);
                removed += batch;
            } while (batch == BATCH && (stopAt == null || Instant.now().isBefore(stopAt)));
        }
        if (removed > 0) {
            JournalLog.removed(removed, retention);
        }
        return removed;
    }

    private int removeBatch(String table, String timeColumn, Timestamp cutoff) {
        Integer count = batchTransaction.execute(tx -> jdbc.update("DELETE FROM " + table + " WHERE id IN ("
                + "SELECT t.id FROM " + table + " t WHERE t." + timeColumn + " < ? AND (t.process_instance_id IS NULL"
                + " OR " + NOT_RUNNING + ") LIMIT " + BATCH + ")", cutoff));
        return count == null ? 0 : count;
    }
}
