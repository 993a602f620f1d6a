package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.extensioncallouts.journal.DeliveryState;

/** The Deliveries view's query parameters: times read as UTC, every problem named, links that keep the filters. */
class DeliveryFilterTests {

    @Test
    void aDatetimeLocalInputIsReadAsUtcAndAnOffsetIsHonoured() {
        DeliveryFilter filter = DeliveryFilter.parse("failed", "2026-11-28T10:00", "2026-11-28T12:30:00+01:00", "2");

        assertThat(filter.isValid()).isTrue();
        assertThat(filter.wantedState()).isEqualTo(DeliveryState.FAILED);
        assertThat(filter.window().since()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(filter.window().until()).isEqualTo(Instant.parse("2026-11-28T11:30:00Z"));
        assertThat(filter.getUntil()).as("shown again as UTC").isEqualTo("2026-11-28T11:30");
        assertThat(filter.pageIndex()).isEqualTo(1);
        assertThat(filter.isActive()).isTrue();
    }

    @Test
    void nothingGivenIsTheWholeListFromItsFirstPage() {
        DeliveryFilter filter = DeliveryFilter.parse(null, "", " ", null);

        assertThat(filter.isValid()).isTrue();
        assertThat(filter.isActive()).isFalse();
        assertThat(filter.wantedState()).isNull();
        assertThat(filter.pageIndex()).isNull();
        assertThat(filter.link(7, 0)).isEqualTo("/callouts/7/deliveries");
    }

    @Test
    void everyInvalidParameterIsNamedInWordsForThePage() {
        DeliveryFilter filter = DeliveryFilter.parse("LOST", "yesterday", "2026-11-28T10:00", "0");

        assertThat(filter.isValid()).isFalse();
        assertThat(filter.getErrors()).containsOnlyKeys("state", "since", "page");
        assertThat(filter.getErrors().get("since")).contains("“yesterday”", "2026-11-28T10:00 (UTC)");
        assertThat(filter.getSince()).as("kept as typed").isEqualTo("yesterday");
        assertThat(DeliveryFilter.parse(null, null, null, "x").getErrors()).containsOnlyKeys("page");
    }

    @Test
    void untilMustBeAfterSince() {
        DeliveryFilter filter = DeliveryFilter.parse(null, "2026-11-28T10:00", "2026-11-28T10:00", null);

        assertThat(filter.getErrors()).containsEntry("until", "Until must be after Since.");
    }

    @Test
    void pageLinksKeepTheFilters() {
        DeliveryFilter filter = DeliveryFilter.parse("retrying", "2026-11-28T10:00", null, "3");

        assertThat(filter.link(7, 1)).isEqualTo("/callouts/7/deliveries?state=RETRYING&since=2026-11-28T10:00&page=2");
        assertThat(filter.link(7, 0)).isEqualTo("/callouts/7/deliveries?state=RETRYING&since=2026-11-28T10:00");
    }

    @Test
    void theCountSaysWhichDeliveriesAreShown() {
        assertThat(DeliveriesPageController.countText(45, 21, 20)).isEqualTo("Showing 21–40 of 45 deliveries");
        assertThat(DeliveriesPageController.countText(1, 1, 1)).isEqualTo("Showing 1 of 1 delivery");
        assertThat(DeliveriesPageController.countText(23, 181, 0)).isEqualTo("23 deliveries, none on this page");
        assertThat(DeliveriesPageController.countText(0, 1, 0)).isEqualTo("No deliveries match these filters");
    }
}
