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

    /**
     * The filter of Camunda 7.24's {@code selectNextJobsToExecute} (its {@code Job.xml}) as it reads with due dates
     * ensured and the starter's defaults: no deployment awareness, no priority range, no ordering.
     */
    private static final String ACQUISITION = """
            select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from ACT_RU_JOB RES
            where (RES.RETRIES_ > 0) and (RES.DUEDATE_ <= ?)
              and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < ?) and RES.SUSPENSION_STATE_ = 1
              and ((RES.EXCLUSIVE_ = true and not exists(select J2.ID_ from ACT_RU_JOB J2
                      where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)
                      and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= ?)))
                   or RES.EXCLUSIVE_ = false)
            LIMIT ? OFFSET ?""";

    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aJobThatIsDueAtOnceIsDueAtItsCreationTime() {
        Callout callout = create(draft(unique("Due"), RMM.url("/rmm/due"), "POST", "JSON", "ON_ERROR", "due@msp.example"));
        Date before = new Date(System.currentTimeMillis() - 1000);

        String pid = start(callout.name(), ticket("T1", "a-1"), "EDITED");

        Job job = management.createJobQuery().processInstanceId(pid).singleResult();
        assertThat(engine.isEnsureJobDueDateNotNull()).isTrue();
        assertThat(job.getDuedate()).isNotNull().isAfter(before).isBeforeOrEqualTo(new Date());
        assertThat(acquirable()).contains(job.getId());
    }

    @Test
    void theAcquisitionReadsDueJobsFromTheDueDateIndexNotEveryWaitingJob() throws Exception {
        String plan;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN " + ACQUISITION)) {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            explain.setTimestamp(1, now);
            explain.setTimestamp(2, now);
            explain.setTimestamp(3, now);
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
    void jobsAnEarlierVersionCreatedWithoutADueDateBecomeDueAtTheirCreationTimeOnStart() {
        Callout callout = create(draft(unique("Undated"), RMM.url("/rmm/undated"), "POST", "JSON", "ON_ERROR",
                "undated@msp.example"));
        String pid = start(callout.name(), ticket("T2", "a-2"), "EDITED");
        Job job = management.createJobQuery().processInstanceId(pid).singleResult();
        jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = NULL WHERE ID_ = ?", job.getId());
        assertThat(acquirable()).as("the acquisition asks for due dates only").doesNotContain(job.getId());

        JobDueDates.setMissing(engine);

        Timestamp created = jdbc.queryForObject("SELECT CREATE_TIME_ FROM ACT_RU_JOB WHERE ID_ = ?", Timestamp.class,
                job.getId());
        Date due = management.createJobQuery().jobId(job.getId()).singleResult().getDuedate();
        assertThat(due.getTime()).isEqualTo(created.getTime());
        assertThat(acquirable()).contains(job.getId());
    }

    /** The ids of the jobs Camunda's own acquisition query returns now. */
    private List<String> acquirable() {
        List<AcquirableJobEntity> jobs = engine.getCommandExecutorTxRequired()
                .execute(context -> context.getJobManager().findNextJobsToExecute(new Page(0, 1000)));
        return jobs.stream().map(AcquirableJobEntity::getId).toList();
    }
}
