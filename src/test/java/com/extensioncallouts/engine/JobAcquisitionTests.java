package com.extensioncallouts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.support.CalloutEngineTest;

/**
 * How the job acquisition finds due jobs while many deliveries wait for their retries: every job has a due date
 * ({@link JobDueDates}), so the acquisition asks only for {@code DUEDATE_ <= now}, which the embedded default answers
 * from an index ({@link H2Indexes}) instead of reading every waiting job.
 */
class JobAcquisitionTests extends CalloutEngineTest {

    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired JobDueDates dueDates;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aJobThatIsDueAtOnceGetsADueDateAsItIsCreated() {
        Callout callout = create(draft(unique("Due"), RMM.url("/rmm/due"), "POST", "JSON", "ON_ERROR", "due@msp.example"));
        Date before = new Date(System.currentTimeMillis() - 1000);

        String pid = start(callout.name(), ticket("T1", "a-1"), "EDITED");

        Job job = management.createJobQuery().processInstanceId(pid).singleResult();
        assertThat(job.getDuedate()).isNotNull().isAfter(before).isBeforeOrEqualTo(new Date());
        assertThat(acquirable()).contains(job.getId());
    }

    @Test
    void theAcquisitionAsksOnlyForDueJobsAndReadsThemFromTheDueDateIndex() throws Exception {
        String sql = acquisitionAsTheEngineSendsIt();
        assertThat(sql.replaceAll("\\s+", " ").toUpperCase())
                .contains("RES.DUEDATE_ <= ?")
                .doesNotContain("DUEDATE_ IS NULL");

        String plan;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            int parameters = explain.getParameterMetaData().getParameterCount();
            assertThat(parameters).as("three times now, then LIMIT and OFFSET").isEqualTo(5);
            for (int i = 1; i <= 3; i++) {
                explain.setTimestamp(i, now);
            }
            explain.setInt(4, 8);
            explain.setInt(5, 0);
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                plan = rs.getString(1);
            }
        }
        String outerScan = plan.substring(0, plan.indexOf("WHERE"));
        assertThat(outerScan).contains(H2Indexes.JOBS_BY_DUE_DATE);
    }

    @Test
    void aJobWithoutADueDateBecomesDueAtItsCreationTimeSoThatTheAcquisitionFindsIt() {
        Callout callout = create(draft(unique("Undated"), RMM.url("/rmm/undated"), "POST", "JSON", "ON_ERROR",
                "undated@msp.example"));
        String pid = start(callout.name(), ticket("T2", "a-2"), "EDITED");
        Job job = management.createJobQuery().processInstanceId(pid).singleResult();
        try {
            management.setJobDuedate(job.getId(), null); // Camunda's API allows it, as did earlier builds
            assertThat(acquirable()).as("the acquisition asks for due dates only").doesNotContain(job.getId());

            dueDates.giveMissingDueDates(); // what runs at start and then every minute

            Timestamp created = jdbc.queryForObject("SELECT CREATE_TIME_ FROM ACT_RU_JOB WHERE ID_ = ?",
                    Timestamp.class, job.getId());
            Date due = management.createJobQuery().jobId(job.getId()).singleResult().getDuedate();
            assertThat(due.getTime()).isEqualTo(created.getTime());
            assertThat(acquirable()).contains(job.getId());
        } finally {
            dueDates.giveMissingDueDates(); // leaves no undated job behind for the other tests, whatever failed
        }
    }

    /** The ids of the jobs Camunda's own acquisition query returns now. */
    private List<String> acquirable() {
        List<AcquirableJobEntity> jobs = engine.getCommandExecutorTxRequired()
                .execute(context -> context.getJobManager().findNextJobsToExecute(new Page(0, Integer.MAX_VALUE)));
        return jobs.stream().map(AcquirableJobEntity::getId).toList();
    }

    /** The acquisition's SQL as H2 received it from the engine (H2's statistics of the statements it ran). */
    private String acquisitionAsTheEngineSendsIt() {
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        try {
            acquirable();
            List<String> statements = jdbc.queryForList("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                    + " WHERE SQL_STATEMENT LIKE '%from ACT_RU_JOB RES%RETRIES_%'", String.class);
            assertThat(statements).hasSize(1);
            return statements.get(0);
        } finally {
            jdbc.execute("SET QUERY_STATISTICS FALSE");
        }
    }
}
