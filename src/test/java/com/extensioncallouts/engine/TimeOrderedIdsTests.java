package com.extensioncallouts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.spring.boot.starter.configuration.id.IdGeneratorConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The engine's ids are UUIDs of version 7: ordered by the time they were made, unique, 36 characters. */
class TimeOrderedIdsTests {

    /** 2025-11-28T00:00:00.123Z: milliseconds whose low bits are not zero, so a stray one shows in any field. */
    private final AtomicLong now = new AtomicLong(1_764_288_000_123L);
    private final TimeOrderedIds ids = new TimeOrderedIds(now::get);

    @Test
    void anIdIsAVersion7UuidWhoseFirst48BitsAreTheMillisecondsItWasMadeAt() {
        String id = ids.getNextId();

        UUID uuid = UUID.fromString(id);
        assertThat(id).hasSize(36).isEqualTo(uuid.toString());
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(now.get());
    }

    @Test
    void idsMadeLaterSortLaterAsText() {
        List<String> made = new ArrayList<>();
        for (int millisecond = 0; millisecond < 3; millisecond++) {
            for (int i = 0; i < 5; i++) {
                made.add(ids.getNextId());
            }
            now.addAndGet(1);
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void moreIdsInOneMillisecondThanTheCounterHoldsStillGrowByBorrowingTheNextMillisecond() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5000; i++) { // the counter holds 4096
            made.add(ids.getNextId());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).extracting(UUID::fromString).allSatisfy(uuid -> {
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
        });
        assertThat(millis(made.get(4095))).isEqualTo(now.get());
        assertThat(millis(made.get(4096))).isEqualTo(now.get() + 1);
    }

    @Test
    void aClockThatStepsBackDoesNotMakeSmallerIds() {
        String before = ids.getNextId();
        now.addAndGet(-60_000);
        String after = ids.getNextId();

        assertThat(after).isGreaterThan(before);
        assertThat(millis(after)).isEqualTo(millis(before));
    }

    @Test
    void threadsDrawingAtOnceNeverShareATimeAndCounterAndEachSeesItsIdsGrow() throws Exception {
        TimeOrderedIds shared = new TimeOrderedIds(); // the real clock
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<List<String>> perThread = new ArrayList<>();
        try {
            List<Future<List<String>>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 25_000; i++) {
                        mine.add(shared.getNextId());
                    }
                    return mine;
                }));
            }
            for (Future<List<String>> f : done) {
                perThread.add(f.get());
            }
        } finally {
            threads.shutdownNow();
        }

        // the random half alone would keep whole ids apart: the time and counter half must be unique too
        Set<Long> timesAndCounters = new HashSet<>();
        perThread.forEach(ids -> ids.forEach(id -> timesAndCounters.add(UUID.fromString(id).getMostSignificantBits())));
        assertThat(timesAndCounters).hasSize(100_000);
        assertThat(perThread).allSatisfy(ids -> assertThat(ids).isSorted());
    }

    @Test
    void twoNodesMakingIdsInTheSameMillisecondDoNotCollide() {
        TimeOrderedIds otherNode = new TimeOrderedIds(now::get);
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            made.add(ids.getNextId());
            made.add(otherNode.getNextId());
        }

        assertThat(made).hasSize(4000); // same clock, same counters: only the random bits tell them apart
    }

    @Test
    void theEngineGetsTheseIdsUnlessAnOperatorChoseOneOfTheStartersGenerators() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withUserConfiguration(TimeOrderedIds.class)
                .withConfiguration(AutoConfigurations.of(IdGeneratorConfiguration.class));

        context.run(unset -> assertThat(unset).getBean(IdGenerator.class).isInstanceOf(TimeOrderedIds.class));
        context.withPropertyValues("camunda.bpm.id-generator=time-ordered")
                .run(named -> assertThat(named).getBean(IdGenerator.class).isInstanceOf(TimeOrderedIds.class));
        context.withPropertyValues("camunda.bpm.id-generator=strong")
                .run(strong -> assertThat(strong).getBean(IdGenerator.class).isInstanceOf(StrongUuidGenerator.class));
        context.withPropertyValues("camunda.bpm.id-generator=simple") // the engine's own DbIdGenerator, no bean
                .run(simple -> assertThat(simple).doesNotHaveBean(IdGenerator.class));
    }

    private static long millis(String id) {
        return UUID.fromString(id).getMostSignificantBits() >>> 16;
    }
}
