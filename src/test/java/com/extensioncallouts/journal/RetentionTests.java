package com.extensioncallouts.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver.Answer;

/** Deliveries and attempts older than callouts.retention (P30D) go; newer ones, and those of running instances, stay. */
class RetentionTests extends CalloutEngineTest {

    @Autowired Retention retention;
    @Autowired JdbcTemplate jdbc;

    @Test
    void oldRecordsAreRemovedNewOnesAndThoseOfRunningInstancesKept() {
        Callout callout = create(draft(unique("Retained"), RMM.url("/rmm/retained"), "POST", "JSON", "ON_ERROR",
                "r@msp.example"));
        String old = start(callout.name(), ticket("T1", "a-1"), "EDITED");
        drive(old);
        String recent = start(callout.name(), ticket("T2", "a-2"), "EDITED");
        drive(recent);
        RMM.alwaysAnswer(Answer.status(500));
        String stillRunning = start(callout.name(), ticket("T3", "a-3"), "EDITED");
        drive(stillRunning, 1); // failed once, waiting for its retry
        Timestamp fortyDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(40)));
        for (String pid : new String[] { old, stillRunning }) {
            jdbc.update("UPDATE callout_delivery SET created_at = ? WHERE process_instance_id = ?", fortyDaysAgo, pid);
            jdbc.update("UPDATE callout_attempt SET sent_at = ? WHERE process_instance_id = ?", fortyDaysAgo, pid);
        }

        int removed = retention.removeOld(Instant.now(), null);

        assertThat(removed).as("the old delivery and its attempt").isGreaterThanOrEqualTo(2);
        assertThat(deliveries.forInstance(old)).isEmpty();
        assertThat(count("callout_attempt", old)).isZero();
        assertThat(deliveries.forInstance(recent)).isPresent();
        assertThat(count("callout_attempt", recent)).isEqualTo(1);
        assertThat(deliveries.forInstance(stillRunning)).as("its instance still waits for a retry").isPresent();
        assertThat(count("callout_attempt", stillRunning)).isEqualTo(1);
    }

    private int count(String table, String pid) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE process_instance_id = ?",
                Integer.class, pid);
        return n == null ? 0 : n;
    }
}
