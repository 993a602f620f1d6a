package com.extensioncallouts.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.journal.DeliveryState;

/**
 * One application (real engine, real H2) and one headless Chromium per test class, signed in as
 * the demo user. Every test starts with no callouts and no test-deployed workflow rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class BrowserTestSupport {

    static final String TEST_RULES = "web-page-test-rules";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static Browser.Session browser;
    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    CalloutService callouts;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    Deliveries deliveries;

    @BeforeAll
    static void startBrowser() {
        Browser.assumeInstalled();
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void startFromNothing() {
        repositoryService.createDeploymentQuery().deploymentName(TEST_RULES).list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
        callouts.list().forEach(c -> callouts.delete(c.id()));
    }

    // ---- navigation ----

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a page, signing in first if the session has none. */
    void open(String path) {
        driver.get(url(path));
        if (driver.getCurrentUrl().contains("/login")) {
            signIn("demo", "demo");
            driver.get(url(path));
        }
    }

    void signIn(String user, String password) {
        type(By.id("username"), user);
        type(By.id("password"), password);
        clickAndWaitForPage(driver.findElement(By.id("sign-in")));
    }

    /** Clicks something that loads a new page and waits until the old one is gone. */
    void clickAndWaitForPage(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        awaitPageReplaced(html);
    }

    /**
     * Waits until the page that held {@code html} is gone. Chromium sometimes reports a node of the
     * page being replaced as "not belonging to the document" instead of stale: that is gone too.
     */
    void awaitPageReplaced(WebElement html) {
        await().until(d -> {
            try {
                html.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        await().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    WebElement visible(By by) {
        return await().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    // ---- form input ----

    void type(By by, String text) {
        WebElement input = driver.findElement(by);
        input.clear();
        input.sendKeys(text);
    }

    void choose(String selectId, String visibleText) {
        new Select(driver.findElement(By.id(selectId))).selectByVisibleText(visibleText);
    }

    String value(String id) {
        return driver.findElement(By.id(id)).getDomProperty("value");
    }

    void showTab(String name) {
        driver.findElement(By.id("tab-" + name)).click();
    }

    boolean tabShown(String name) {
        return "true".equals(driver.findElement(By.id("tab-" + name)).getDomAttribute("aria-selected"))
                && driver.findElement(By.id("panel-" + name)).isDisplayed();
    }

    String fieldError(String field) {
        return visible(By.id(field + "-error")).getText();
    }

    // ---- the table ----

    WebElement row(String calloutName) {
        return driver.findElements(By.cssSelector("tr.callout-row")).stream()
                .filter(r -> calloutName.equals(r.getDomAttribute("data-name")))
                .findFirst().orElseThrow(() -> new AssertionError("no row for callout '" + calloutName + "'"));
    }

    List<String> cells(String calloutName) {
        return row(calloutName).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    List<String> visibleNames() {
        return driver.findElements(By.cssSelector("tr.callout-row")).stream().filter(WebElement::isDisplayed)
                .map(r -> r.getDomAttribute("data-name")).toList();
    }

    WebElement openMenu(String calloutName) {
        WebElement button = row(calloutName).findElement(By.cssSelector(".menu-button"));
        button.click();
        return visible(By.id(button.getDomAttribute("aria-controls")));
    }

    /** Opens the row menu and chooses an item (edit, deliveries, test, activate, deactivate, delete). */
    void menuAction(String calloutName, String action, boolean loadsPage) {
        WebElement item = openMenu(calloutName).findElement(By.cssSelector("[data-action='" + action + "']"));
        if (loadsPage) {
            clickAndWaitForPage(item);
        } else {
            item.click();
        }
    }

    String notice() {
        return visible(By.id("notice")).getText();
    }

    // ---- set-up and evidence ----

    Callout givenCallout(String name, String url) {
        return callouts.create(new CalloutDraft(name, url, "POST", "JSON", "NONE", null, null, null, null, null,
                null, List.of("noc@msp.example"), "ON_ERROR", true));
    }

    /** Deploys a workflow rule that executes the named callout, as a process designer would. */
    void givenWorkflowRuleCalling(String ruleName, String calloutName) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="https://extension-callouts.dev/test">
                  <signal id="ticketEdited" name="ticket-edited"/>
                  <process id="webPageTestRule" name="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"><signalEventDefinition signalRef="ticketEdited"/></startEvent>
                    <sequenceFlow id="toCall" sourceRef="start" targetRef="callout"/>
                    <callActivity id="callout" name="Execute Extension Callout" calledElement="extension-callout">
                      <extensionElements>
                        <camunda:in source="ticket" target="ticket"/>
                        <camunda:in sourceExpression="%s" target="calloutName"/>
                      </extensionElements>
                    </callActivity>
                    <sequenceFlow id="toEnd" sourceRef="callout" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(ruleName, calloutName);
        repositoryService.createDeployment().name(TEST_RULES)
                .addString("web-page-test-rule.bpmn", bpmn).deploy();
    }

    // ---- deliveries ----

    /** Triggers a callout as a workflow rule's call activity does; the job executor sends it. Returns the instance. */
    String trigger(String calloutName, String ticketNumber, String event) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", 4711);
        ticket.put("number", ticketNumber);
        ticket.put("title", "Disk space low on SRV-01");
        ticket.put("status", "Complete");
        ticket.put("udfs", Map.of("RMM Alert ID", "a-" + ticketNumber));
        return runtimeService.startProcessInstanceByKey("extension-callout", Variables.createVariables()
                .putValue("calloutName", calloutName)
                .putValueTyped("ticket", Variables.objectValue(ticket)
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create())
                .putValue("ticketEvent", event)).getId();
    }

    /** Waits (up to 30 s) until the delivery of a process instance is as wanted, and returns it. */
    Delivery awaitDelivery(String processInstanceId, Predicate<Delivery> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Delivery last = null;
        while (System.nanoTime() < deadline) {
            last = deliveries.forInstance(processInstanceId).orElse(null);
            if (last != null && wanted.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the delivery of " + processInstanceId + " is not as wanted in time: " + last);
    }

    Delivery awaitDelivery(String processInstanceId, DeliveryState state) {
        return awaitDelivery(processInstanceId, d -> d.state() == state);
    }

    /** A delivery written straight into the journal, as if it had happened at {@code createdAt}. */
    Delivery givenDelivery(Callout callout, String ticketNumber, DeliveryState state, Instant createdAt) {
        String processInstanceId = "page-test-" + UUID.randomUUID();
        boolean tried = state == DeliveryState.RETRYING || state == DeliveryState.DELIVERED
                || state == DeliveryState.FAILED;
        boolean answered = state == DeliveryState.DELIVERED;
        deliveries.insert(new Delivery(null, processInstanceId, null, callout.id(), callout.name(), "4711",
                ticketNumber, "EDITED", "{\"id\":4711,\"number\":\"" + ticketNumber + "\",\"udfs\":{}}",
                UUID.randomUUID().toString(), state,
                state == DeliveryState.SKIPPED ? "INACTIVE: the callout was inactive" : null, tried ? 1 : 0,
                tried ? (answered ? 200 : 503) : null, tried && !answered ? "HTTP 503" : null,
                state == DeliveryState.RETRYING ? createdAt.plusSeconds(60) : null, createdAt,
                state.finished() ? createdAt.plusSeconds(1) : null, null));
        return deliveries.forInstance(processInstanceId).orElseThrow();
    }

    // ---- layout ----

    /**
     * Resizes the window so that the page itself is {@code width} CSS pixels wide. The page can report its width from
     * before the resize for a moment (the window's frame then came out negative, and Chromium refused a negative
     * width): its width is read once it fits the window.
     */
    static void viewportWidth(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        int window = driver.manage().window().getSize().getWidth();
        int inner = new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
            int w = ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth")).intValue();
            return w <= window ? w : null;
        });
        int chrome = window - inner;
        if (chrome != 0) {
            driver.manage().window().setSize(new Dimension(width + chrome, height));
        }
    }

    /** Saves the whole page (the window grows to fit it for a moment) under target/screenshots. */
    static Path screenshot(String name) {
        Dimension size = driver.manage().window().getSize();
        try {
            Number height = (Number) ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollHeight");
            driver.manage().window().setSize(new Dimension(size.getWidth(), Math.max(size.getHeight(), height.intValue() + 140)));
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }
}
