package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.CockpitEngine;
import com.extensioncallouts.support.HttpReceiver;
import com.extensioncallouts.support.HttpReceiver.Answer;

/**
 * The "Callout attempts" tab that the application adds to Cockpit (a plugin under
 * META-INF/resources/webjars/camunda/app/cockpit), in a real Chromium signed in to Cockpit as demo. One
 * retry, one second apart, so that a callout fails for good within seconds.
 */
@TestPropertySource(properties = { "callouts.retry.max-retries=1", "callouts.retry.interval=PT1S" })
class CockpitCalloutAttemptsTabTests extends BrowserTestSupport {

    static final HttpReceiver RMM = new HttpReceiver();
    static final String TOKEN = "bearer-secret-" + UUID.randomUUID();
    static final String RMM_ANSWER = "{\"error\":\"RMM under maintenance\"}";

    static final By TAB = By.linkText("Callout attempts");
    static final By TAB_CONTENT = By.cssSelector("section.callout-attempts .callout-attempts-content");

    @Autowired
    RuntimeService runtime;

    @Autowired
    Deliveries journal;

    @Autowired
    ProcessEngine engine;

    @AfterAll
    static void stopRmm() {
        RMM.close();
    }

    @Test
    void theAttemptsOfACalloutThatFailedForGoodAreListedOnItsProcessInstanceWithALinkToTheDelivery() {
        RMM.alwaysAnswer(new Answer(500, RMM_ANSWER, false));
        Callout callout = callouts.create(new CalloutDraft("Cockpit tab " + UUID.randomUUID().toString().substring(0, 8),
                RMM.url("/alerts/resolve"), "POST", "JSON", "BEARER", null, null, TOKEN, null, null, null,
                List.of("noc@msp.example"), "ON_ERROR", true));
        String instance = startExtensionCallout(callout.name(), "T20261128.0007");
        awaitIncident(instance);
        Delivery delivery = journal.forInstance(instance).orElseThrow();

        openCalloutAttemptsTab(instance);

        WebElement table = visible(By.cssSelector("table.callout-attempts-table"));
        assertThat(table.findElement(By.tagName("caption")).getText())
                .isEqualTo("Attempts of delivery " + delivery.id() + ", oldest first");
        assertThat(table.findElements(By.cssSelector("thead th[scope='col']"))).extracting(WebElement::getText)
                .containsExactly("Attempt", "Sent at", "HTTP status", "Duration", "Error", "Response (excerpt)");
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).extracting(r -> r.findElement(By.cssSelector("th[scope='row']")).getText())
                .as("1 + max-retries attempts, oldest first").containsExactly("1", "2");
        assertThat(rows).extracting(r -> r.findElement(By.className("callout-attempt-status")).getText())
                .containsOnly("500");
        assertThat(rows).extracting(r -> r.findElement(By.className("callout-attempt-error")).getText())
                .containsOnly("HTTP 500");
        assertThat(rows).extracting(r -> r.findElement(By.className("callout-attempt-response")).getText())
                .containsOnly(RMM_ANSWER);
        assertThat(rows).extracting(r -> r.findElement(By.cssSelector(".callout-attempt-sent time"))
                .getDomAttribute("datetime")).allMatch(t -> t != null && !t.isBlank());
        assertThat(rows).extracting(r -> r.findElement(By.className("callout-attempt-duration")).getText())
                .allMatch(d -> d.matches("\\d+ ms|\\d+\\.\\d s"));

        WebElement summary = driver.findElement(By.cssSelector("section.callout-attempts p.callout-delivery"));
        assertThat(summary.getText()).startsWith("Delivery " + delivery.id() + " of callout \u201c" + callout.name()
                + "\u201d for ticket T20261128.0007: failed.");
        WebElement link = summary.findElement(By.cssSelector("a.callout-delivery-link"));
        assertThat(link.getText()).isEqualTo("Open delivery " + delivery.id() + " on the management page");
        assertThat(link.getDomAttribute("href"))
                .isEqualTo("/callouts/" + callout.id() + "/deliveries?open=" + delivery.id());

        assertThat(RMM.requests()).as("the token went to the RMM").allMatch(
                r -> ("Bearer " + TOKEN).equals(r.header("Authorization")));
        assertThat(driver.getPageSource()).as("no secret in Cockpit").doesNotContain(TOKEN);
        assertThat(readWithCockpitSession("/api/deliveries?processInstanceId=" + instance))
                .as("what the tab reads, with nothing but the Cockpit session").startsWith("200 ")
                .contains("\"Authorization\":\"[redacted]\"").doesNotContain(TOKEN);
        ((JavascriptExecutor) driver).executeScript("document.activeElement.blur()");
        screenshot("cockpit-callout-attempts");
    }

    @Test
    void anInstanceOfAnotherProcessIsNoExtensionCallout() {
        repositoryService.createDeployment().name(TEST_RULES).addString("waiting.bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="https://extension-callouts.dev/test">
                  <process id="cockpitTabTestWaiting" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"/>
                    <sequenceFlow id="toWait" sourceRef="start" targetRef="wait"/>
                    <userTask id="wait" name="Wait"/>
                  </process>
                </definitions>
                """).deploy();
        String instance = runtime.startProcessInstanceByKey("cockpitTabTestWaiting").getId();

        openCalloutAttemptsTab(instance);

        assertThat(driver.findElement(TAB_CONTENT).getText())
                .isEqualTo("Not an extension callout: this tab only shows attempts of \"extension-callout\" instances.");
        assertThat(driver.findElements(By.cssSelector("table.callout-attempts-table"))).isEmpty();
    }

    String startExtensionCallout(String calloutName, String ticketNumber) {
        return runtime.startProcessInstanceByKey("extension-callout", Variables.createVariables()
                .putValue("calloutName", calloutName)
                .putValueTyped("ticket", Variables.objectValue(CalloutEngineTest.ticket(ticketNumber, "alert-7"))
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create())
                .putValue("ticketEvent", "EDITED")).getId();
    }


    /** Waits (the job executor runs the attempts and the retry timer) until the callout failed for good. */
    void awaitIncident(String processInstanceId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (runtime.createIncidentQuery().processInstanceId(processInstanceId).count() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no incident on " + processInstanceId + " within 60 s; the RMM saw "
                        + RMM.requests().size() + " requests");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** GETs a path from the current page as the tab does (no credentials but the session); answers "status body". */
    String readWithCockpitSession(String path) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin', headers: { Accept: 'application/json' } })
                    .then(r => r.text().then(body => done(r.status + ' ' + body)), e => done('failed: ' + e));
                """, path);
    }

    /** Opens the process instance in Cockpit, and its "Callout attempts" tab; waits until the tab has its answer. */
    void openCalloutAttemptsTab(String processInstanceId) {
        signInToCockpit();
        driver.get(url("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime"));
        await().until(ExpectedConditions.elementToBeClickable(TAB)).click();
        await().until(ExpectedConditions.attributeContains(By.xpath("//a[normalize-space()='Callout attempts']/.."),
                "class", "active"));
        await().until(ExpectedConditions.attributeToBe(TAB_CONTENT, "aria-busy", "false"));
    }

    /**
     * Signs in to Cockpit as demo, unless the browser is signed in already. While Cockpit starts it may draw its
     * login form anew (each request it sent without a session sends it to the login page again), dropping what
     * was typed: then the form is filled in once more.
     */
    void signInToCockpit() {
        CockpitEngine.use(engine);
        By username = By.cssSelector("input[ng-model='username']");
        By signedIn = By.linkText("Processes");
        driver.get("about:blank"); // a fresh page: nothing left of an instance opened before
        driver.get(url("/camunda/app/cockpit/default/"));
        WebDriverWait coldStart = new WebDriverWait(driver, Duration.ofSeconds(40));
        coldStart.ignoring(StaleElementReferenceException.class);
        coldStart.until(d -> !d.findElements(username).isEmpty() || !d.findElements(signedIn).isEmpty());
        for (int tries = 1; driver.findElements(signedIn).isEmpty(); tries++) {
            if (tries > 3) {
                throw new AssertionError("Cockpit dropped the sign-in three times");
            }
            type(username, "demo");
            type(By.cssSelector("input[ng-model='password']"), "demo");
            driver.findElement(By.cssSelector("form button[type='submit']")).click();
            coldStart.until(d -> !d.findElements(signedIn).isEmpty() || d.findElements(username).stream()
                    .anyMatch(u -> u.isDisplayed() && u.getDomProperty("value").isEmpty()));
        }
    }
}
