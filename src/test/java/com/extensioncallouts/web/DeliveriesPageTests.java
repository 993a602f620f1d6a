package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.journal.DeliveryState;
import com.extensioncallouts.support.HttpReceiver;
import com.extensioncallouts.support.HttpReceiver.Answer;

/**
 * A callout's Deliveries view: every trigger with every attempt as sent and answered, filters, paging, Resend,
 * Recover and links that open one delivery. The job executor sends for real, to a stand-in RMM; a retry
 * follows a second after a failure, and one retry is all there is.
 */
// The same properties, in the same order, as CockpitCalloutAttemptsTabTests: one application for both
@TestPropertySource(properties = { "callouts.retry.max-retries=1", "callouts.retry.interval=PT1S" })
class DeliveriesPageTests extends BrowserTestSupport {

    private final HttpReceiver rmm = new HttpReceiver();

    @AfterEach
    void stopReceiver() {
        rmm.close();
    }

    @Test
    void aDeliveryShowsAFailedAndASuccessfulAttemptAsSentAndAnsweredWithoutTheSecret() throws Exception {
        String token = "tok-s3cret-" + System.nanoTime();
        rmm.thenAnswer(new Answer(500, "{\"error\":\"alert store busy\"}", false));
        Callout callout = callouts.create(new CalloutDraft("Datto RMM", rmm.url("/alerts/close"), "POST", "JSON",
                "BEARER", null, null, token, null, null, null, List.of("noc@msp.example"), "ON_ERROR", true));
        Delivery delivered = awaitDelivery(trigger("Datto RMM", "T20261128.0042", "EDITED"), DeliveryState.DELIVERED);

        open("/callouts/" + callout.id() + "/deliveries");

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Deliveries of Datto RMM");
        WebElement item = delivery(delivered.id());
        assertThat(item.findElement(By.tagName("summary")).getText())
                .contains("T20261128.0042", "EDITED", "Delivered", "UTC");
        assertThat(item.findElement(By.cssSelector(".delivery-attempts")).getText()).contains("2");
        assertThat(item.findElement(By.tagName("details")).getDomAttribute("open")).isNull();

        item.findElement(By.tagName("summary")).click();
        List<WebElement> attempts = visibleAttempts(item);
        assertThat(attempts).hasSize(2);
        WebElement failed = attempts.get(0);
        assertThat(failed.findElement(By.cssSelector(".attempt-title")).getText())
                .contains("Attempt 1", "Rejected: HTTP 500");
        assertThat(failed.findElement(By.cssSelector(".attempt-meta")).getText()).matches("(?s).*UTC.*\\d+ ms");
        assertThat(failed.findElement(By.cssSelector("pre.request")).getText())
                .startsWith("POST " + rmm.url("/alerts/close"))
                .contains("Authorization: [redacted]", "Idempotency-Key: ", "\"number\":\"T20261128.0042\"")
                .doesNotContain(token);
        assertThat(failed.findElement(By.cssSelector("pre.response")).getText())
                .startsWith("HTTP 500").containsIgnoringCase("Content-Type: application/json").contains("alert store busy");
        WebElement succeeded = attempts.get(1);
        assertThat(succeeded.findElement(By.cssSelector(".attempt-title")).getText())
                .contains("Attempt 2", "Delivered: HTTP 200");
        assertThat(succeeded.findElement(By.cssSelector("pre.request")).getText())
                .contains("Authorization: [redacted]", "X-Callout-Attempt: 2");
        assertThat(succeeded.findElement(By.cssSelector("pre.response")).getText()).startsWith("HTTP 200");
        assertThat(rmm.requests()).extracting(r -> r.header("Authorization")).containsOnly("Bearer " + token);
        assertThat(driver.getPageSource()).doesNotContain(token);
        screenshot("deliveries-expanded");
    }

    @Test
    void aFailedDeliveryStandsOutWithItsLastAnswerAndARetryingOneNamesItsNextAttempt() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        Instant now = Instant.now();
        Delivery failed = givenDelivery(callout, "T1", DeliveryState.FAILED, now.minusSeconds(30));
        Delivery retrying = givenDelivery(callout, "T2", DeliveryState.RETRYING, now.minusSeconds(20));
        Delivery skipped = givenDelivery(callout, "T3", DeliveryState.SKIPPED, now.minusSeconds(10));

        open("/callouts/" + callout.id() + "/deliveries");

        WebElement failedBadge = delivery(failed.id()).findElement(By.cssSelector(".badge-state"));
        assertThat(failedBadge.getText()).isEqualTo("Failed");
        assertThat(failedBadge.findElements(By.tagName("svg"))).as("an icon, not colour alone").hasSize(1);
        assertThat(failedBadge.getCssValue("background-color"))
                .isNotEqualTo(delivery(skipped.id()).findElement(By.cssSelector(".badge-state")).getCssValue("background-color"));
        assertThat(delivery(failed.id()).getText()).contains("Last answer: HTTP 503");
        assertThat(delivery(retrying.id()).getText()).contains("Retrying", "Next attempt",
                UtcTimes.shown(retrying.nextAttemptAt()));
        assertThat(delivery(skipped.id()).getText()).contains("Skipped", "INACTIVE: the callout was inactive");
    }

    @Test
    void filteringByStateNarrowsTheList() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        List<Long> failed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            DeliveryState state = i % 3 == 0 ? DeliveryState.FAILED : DeliveryState.DELIVERED;
            Delivery d = givenDelivery(callout, "T" + i, state, start.plus(Duration.ofMinutes(20L * i)));
            if (state == DeliveryState.FAILED) {
                failed.add(0, d.id());
            }
        }
        open("/callouts/" + callout.id() + "/deliveries");
        assertThat(resultCount()).isEqualTo("Showing 1–6 of 6 deliveries");
        assertThat(driver.findElement(By.id("result-count")).getDomAttribute("aria-live")).isEqualTo("polite");

        choose("state", "Failed");
        clickAndWaitForPage(driver.findElement(By.id("apply-filters")));

        assertThat(listedIds()).containsExactlyElementsOf(failed);
        assertThat(resultCount()).isEqualTo("Showing 1–2 of 2 deliveries");
        assertThat(value("state")).isEqualTo("FAILED");
        assertThat(driver.getCurrentUrl()).contains("state=FAILED");

        // Since and until are read as UTC: from 00:40 up to (not including) 01:20 after the start holds T2 and T3
        setValue("since", UtcTimes.input(start.plus(Duration.ofMinutes(40))));
        setValue("until", UtcTimes.input(start.plus(Duration.ofMinutes(80))));
        choose("state", "Any state");
        clickAndWaitForPage(driver.findElement(By.id("apply-filters")));
        assertThat(resultCount()).isEqualTo("Showing 1–2 of 2 deliveries");
        assertThat(listedTickets()).containsExactly("T3", "T2");

        clickAndWaitForPage(driver.findElement(By.id("clear-filters")));
        assertThat(resultCount()).isEqualTo("Showing 1–6 of 6 deliveries");
    }

    @Test
    void invalidFiltersAreExplainedOnThePage() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        givenDelivery(callout, "T1", DeliveryState.DELIVERED, Instant.now().minusSeconds(5));

        open("/callouts/" + callout.id() + "/deliveries?state=LOST&since=yesterday&until=2026-01-01T00:00&page=0");

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Deliveries of Datto RMM");
        assertThat(visible(By.id("filter-errors")).getText())
                .contains("“LOST” is not a state", "“yesterday” is not a date and time", "not a page number");
        assertThat(driver.findElement(By.id("since-error")).getText()).contains("yesterday");
        assertThat(driver.findElement(By.id("since")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElements(By.cssSelector(".delivery"))).isEmpty();

        open("/callouts/" + callout.id() + "/deliveries?since=2026-11-28T12:00&until=2026-11-28T11:00");
        assertThat(driver.findElement(By.id("until-error")).getText()).contains("Until must be after Since");
        screenshot("deliveries-filter-errors");
    }

    @Test
    void pagingShowsTwentyAtATimeNewestFirst() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        Instant start = Instant.now().minus(Duration.ofHours(1));
        for (int i = 1; i <= 23; i++) {
            givenDelivery(callout, "T" + i, DeliveryState.DELIVERED, start.plusSeconds(i));
        }
        open("/callouts/" + callout.id() + "/deliveries");

        assertThat(resultCount()).isEqualTo("Showing 1–20 of 23 deliveries");
        assertThat(driver.findElement(By.id("page-status")).getText()).isEqualTo("Page 1 of 2");
        assertThat(listedTickets()).hasSize(20).startsWith("T23", "T22").endsWith("T4");
        assertThat(driver.findElements(By.id("page-prev"))).isEmpty();

        clickAndWaitForPage(driver.findElement(By.id("page-next")));
        assertThat(resultCount()).isEqualTo("Showing 21–23 of 23 deliveries");
        assertThat(listedTickets()).containsExactly("T3", "T2", "T1");
        assertThat(driver.findElements(By.id("page-next"))).isEmpty();

        clickAndWaitForPage(driver.findElement(By.id("page-prev")));
        assertThat(resultCount()).isEqualTo("Showing 1–20 of 23 deliveries");
    }

    @Test
    void resendCreatesANewDeliveryThatAppearsAtTheTop() throws Exception {
        Callout callout = givenCallout("Datto RMM", rmm.url("/close"));
        Delivery original = awaitDelivery(trigger("Datto RMM", "T7", "CREATED"), DeliveryState.DELIVERED);
        open("/callouts/" + callout.id() + "/deliveries");

        WebElement resend = delivery(original.id()).findElement(By.cssSelector("button.resend"));
        assertThat(resend.getDomAttribute("aria-label")).startsWith("Resend delivery " + original.id());
        clickAndWaitForPage(resend);

        assertThat(notice()).contains("created", "T7", "resend of delivery " + original.id());
        List<Long> listed = listedIds();
        assertThat(listed).hasSize(2).endsWith(original.id());
        long resentId = listed.get(0);
        assertThat(notice()).contains("Delivery " + resentId);
        Delivery resent = deliveries.byId(resentId).orElseThrow();
        assertThat(resent.resendOf()).isEqualTo(original.id());
        awaitDelivery(resent.processInstanceId(), DeliveryState.DELIVERED);
        assertThat(rmm.awaitRequests(2, Duration.ofSeconds(10))).hasSize(2);

        open("/callouts/" + callout.id() + "/deliveries?open=" + resentId);
        assertThat(delivery(resentId).findElement(By.cssSelector(".delivery-facts")).getText())
                .containsIgnoringCase("Resend of").contains("delivery " + original.id());
    }

    @Test
    void resendOfAnInactiveCalloutSaysWhyNot() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        Delivery failed = givenDelivery(callout, "T8", DeliveryState.FAILED, Instant.now().minusSeconds(60));
        callouts.setActive(callout.id(), false);
        open("/callouts/" + callout.id() + "/deliveries");

        clickAndWaitForPage(delivery(failed.id()).findElement(By.cssSelector("button.resend")));

        assertThat(notice()).contains("inactive", "Activate it first");
        assertThat(listedIds()).containsExactly(failed.id());
    }

    @Test
    void recoverAsksForConfirmationNamingTheCountAndQueuesThem() throws Exception {
        rmm.alwaysAnswer(Answer.status(503));
        Callout callout = givenCallout("Datto RMM", rmm.url("/close"));
        Delivery first = awaitDelivery(trigger("Datto RMM", "T1", "EDITED"), DeliveryState.FAILED);
        Delivery second = awaitDelivery(trigger("Datto RMM", "T2", "EDITED"), DeliveryState.FAILED);
        rmm.alwaysAnswer(Answer.status(200));
        open("/callouts/" + callout.id() + "/deliveries");

        WebElement opener = driver.findElement(By.id("recover-open"));
        opener.click();
        WebElement dialog = visible(By.id("recover-dialog"));
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("recover-since");
        assertThat(dialog.findElement(By.cssSelector("label[for='recover-since']")).getText()).contains("UTC");
        driver.findElement(By.id("recover-next")).click();

        WebElement confirmation = visible(By.id("recover-confirmation"));
        assertThat(confirmation.getText()).startsWith("2 deliveries of Datto RMM created");
        assertThat(driver.switchTo().activeElement()).isEqualTo(confirmation);
        assertThat(driver.findElement(By.id("recover-confirm")).getText()).isEqualTo("Recover 2 deliveries");
        screenshot("deliveries-recover-confirmation");
        assertThat(rmm.requests()).as("nothing sent before the confirmation").hasSize(4);
        clickAndWaitForPage(driver.findElement(By.id("recover-confirm")));

        assertThat(notice()).contains("2 deliveries queued for recovery");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (deliveries.page(callout.id(), DeliveryState.DELIVERED, null, null, 0, 10).totalElements() < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        open("/callouts/" + callout.id() + "/deliveries?state=DELIVERED");
        assertThat(listedTickets()).containsExactlyInAnyOrder("T1", "T2");
        assertThat(listedIds()).doesNotContain(first.id(), second.id());
    }

    @Test
    void recoverWithAnEmptyWindowSaysThereIsNothingToRecover() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        givenDelivery(callout, "T1", DeliveryState.DELIVERED, Instant.now().minusSeconds(60));
        open("/callouts/" + callout.id() + "/deliveries");

        driver.findElement(By.id("recover-open")).click();
        visible(By.id("recover-dialog"));
        driver.findElement(By.id("recover-next")).click();

        assertThat(visible(By.id("recover-confirmation")).getText()).startsWith("Nothing to recover");
        assertThat(driver.findElement(By.id("recover-confirm")).isDisplayed()).isFalse();
        driver.findElement(By.id("recover-back")).click();
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("recover-since");
    }

    @Test
    void anInactiveCalloutsRecoverShowsTheConflict() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        givenDelivery(callout, "T1", DeliveryState.FAILED, Instant.now().minus(Duration.ofHours(2)));
        callouts.setActive(callout.id(), false);
        open("/callouts/" + callout.id() + "/deliveries");
        assertThat(driver.findElement(By.id("callout-status")).getText()).isEqualTo("Inactive");

        driver.findElement(By.id("recover-open")).click();
        visible(By.id("recover-dialog"));
        driver.findElement(By.id("recover-next")).click();
        assertThat(visible(By.id("recover-confirmation")).getText()).startsWith("1 delivery of Datto RMM");
        clickAndWaitForPage(driver.findElement(By.id("recover-confirm")));

        assertThat(notice()).contains("is inactive", "Activate it first");
    }

    @Test
    void theRecoverDialogChecksTheWindowAndWorksWithTheKeyboard() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        givenDelivery(callout, "T1", DeliveryState.FAILED, Instant.now().minusSeconds(60));
        open("/callouts/" + callout.id() + "/deliveries");
        WebElement opener = driver.findElement(By.id("recover-open"));

        assertThat(opener.getDomAttribute("role")).isEqualTo("button");
        assertThat(opener.getDomAttribute("aria-haspopup")).isEqualTo("dialog");
        opener.sendKeys(Keys.SPACE);
        WebElement dialog = visible(By.id("recover-dialog"));
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("recover-since");
        setValue("recover-until", "2020-01-01T00:00");
        driver.findElement(By.id("recover-since")).sendKeys(Keys.ENTER);
        assertThat(visible(By.id("recover-until-error")).getText()).contains("Until must be after Since");
        assertThat(driver.findElement(By.id("recover-until")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("recover-until");

        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        await().until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(driver.switchTo().activeElement()).isEqualTo(opener);
    }

    @Test
    void withoutJavaScriptRecoverIsAPageOfItsOwn() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        givenDelivery(callout, "T1", DeliveryState.FAILED, Instant.now().minusSeconds(60));

        open("/callouts/" + callout.id() + "/deliveries/recover");
        clickAndWaitForPage(driver.findElement(By.id("recover-next")));
        assertThat(visible(By.id("recover-confirmation")).getText()).startsWith("1 delivery of Datto RMM");
        clickAndWaitForPage(driver.findElement(By.id("recover-confirm")));

        assertThat(driver.getCurrentUrl()).endsWith("/callouts/" + callout.id() + "/deliveries");
        assertThat(notice()).contains("1 delivery queued for recovery");
    }

    @Test
    void aLinkWithOpenExpandsThatDeliveryOnItsPageAndScrollsToIt() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        Instant start = Instant.now().minus(Duration.ofHours(1));
        List<Delivery> all = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            all.add(givenDelivery(callout, "T" + i, DeliveryState.DELIVERED, start.plusSeconds(i)));
        }

        // T7 is the 19th newest: at the foot of page 1
        Delivery nearTheFoot = all.get(6);
        open("/callouts/" + callout.id() + "/deliveries?open=" + nearTheFoot.id());
        assertThat(driver.findElement(By.id("page-status")).getText()).isEqualTo("Page 1 of 2");
        WebElement item = delivery(nearTheFoot.id());
        assertThat(item.findElement(By.tagName("details")).getDomAttribute("open")).isNotNull();
        assertThat(driver.findElements(By.cssSelector(".delivery details[open]"))).hasSize(1);
        assertThat(item.findElement(By.cssSelector(".delivery-body")).isDisplayed()).isTrue();
        assertThat(driver.switchTo().activeElement()).isEqualTo(item.findElement(By.tagName("summary")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(((Number) js.executeScript("return window.scrollY")).doubleValue()).isPositive();
        Number top = (Number) js.executeScript("return arguments[0].getBoundingClientRect().top", item);
        Number height = (Number) js.executeScript("return window.innerHeight");
        assertThat(top.doubleValue()).as("scrolled into view").isBetween(-1.0, height.doubleValue() - 60);

        // T3 is on page 2
        Delivery onPageTwo = all.get(2);
        open("/callouts/" + callout.id() + "/deliveries?open=" + onPageTwo.id());
        assertThat(driver.findElement(By.id("page-status")).getText()).isEqualTo("Page 2 of 2");
        assertThat(delivery(onPageTwo.id()).findElement(By.tagName("details")).getDomAttribute("open")).isNotNull();

        open("/callouts/" + callout.id() + "/deliveries?open=987654");
        assertThat(notice()).contains("Delivery 987654 does not exist");
    }

    @Test
    void aCalloutWithoutDeliveriesShowsAnEmptyState() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        open("/callouts/" + callout.id() + "/deliveries");

        assertThat(visible(By.id("empty-state")).getText()).contains("No deliveries yet", "Datto RMM");
        assertThat(driver.findElements(By.id("recover-open"))).hasSize(1);
        screenshot("deliveries-empty");
    }

    @Test
    void theCalloutsNameAndItsRowMenuLeadToItsDeliveriesAndTheViewBackToTheEditForm() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        open("/callouts");

        clickAndWaitForPage(row("Datto RMM").findElement(By.cssSelector(".cell-name a")));
        assertThat(driver.getCurrentUrl()).endsWith("/callouts/" + callout.id() + "/deliveries");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Deliveries of Datto RMM");

        clickAndWaitForPage(driver.findElement(By.cssSelector(".breadcrumb a")));
        menuAction("Datto RMM", "deliveries", true);
        assertThat(driver.getCurrentUrl()).endsWith("/callouts/" + callout.id() + "/deliveries");

        clickAndWaitForPage(driver.findElement(By.id("edit-callout")));
        assertThat(driver.getCurrentUrl()).endsWith("/callouts/" + callout.id() + "/edit");
        assertThat(value("name")).isEqualTo("Datto RMM");
    }

    @Test
    void aStaleLinkLeadsBackToTheListWithAMessage() {
        open("/callouts/424242/deliveries");

        assertThat(driver.getCurrentUrl()).endsWith("/callouts");
        assertThat(notice()).contains("does not exist");
    }

    // ---- helpers ----

    private static WebElement delivery(long id) {
        return driver.findElement(By.id("delivery-" + id));
    }

    private List<WebElement> visibleAttempts(WebElement item) {
        visible(By.cssSelector("#" + item.getDomAttribute("id") + " .attempt"));
        return item.findElements(By.cssSelector(".attempt"));
    }

    private static String resultCount() {
        return driver.findElement(By.id("result-count")).getText();
    }

    private static List<Long> listedIds() {
        return driver.findElements(By.cssSelector("#delivery-list > .delivery")).stream()
                .map(li -> Long.valueOf(li.getDomAttribute("data-delivery-id"))).toList();
    }

    private static List<String> listedTickets() {
        return driver.findElements(By.cssSelector("#delivery-list > .delivery .ticket-number")).stream()
                .map(WebElement::getText).toList();
    }

    /** A datetime-local input's value, set as the browser's own picker would (typing into one is locale-bound). */
    private static void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id(id)), value);
    }
}
