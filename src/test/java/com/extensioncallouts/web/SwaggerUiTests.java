package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.extensioncallouts.apikey.ApiKeys;

/**
 * A ticket system's integrator, who has an API key and no Camunda user, opens the Swagger UI without signing in,
 * under the page's Content-Security-Policy, authorizes with the key and tries {@code POST /api/ticket-events}
 * with the example body: the event is accepted and the rule it started is real.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SwaggerUiTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static Browser.Session browser;
    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    HistoryService history;

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
        }
    }

    @Test
    void aTicketSystemTriesATicketEventWithItsApiKey() throws Exception {
        String key = apiKeys.create("Swagger UI test").key();
        WebDriverWait wait = new WebDriverWait(driver, WAIT);

        driver.get("http://localhost:" + port + "/swagger-ui/index.html");
        WebElement ticketEvents = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#operations-Ticket_events-receive")));
        assertThat(driver.findElements(By.cssSelector(".opblock-tag")).stream().map(WebElement::getText).toList())
                .anyMatch(tag -> tag.startsWith("Callouts")).anyMatch(tag -> tag.startsWith("Ticket events"));

        driver.findElement(By.cssSelector("button.authorize")).click();
        WebElement apiKeyForm = wait.until(driver -> driver.findElements(By.cssSelector(".auth-container")).stream()
                .filter(form -> form.getText().contains("apiKey")).findFirst().orElse(null));
        apiKeyForm.findElement(By.cssSelector("input")).sendKeys(key);
        apiKeyForm.findElement(By.cssSelector("button.authorize")).click();
        driver.findElement(By.cssSelector("button.btn-done")).click();

        ticketEvents.findElement(By.cssSelector(".opblock-summary")).click();
        // "Try it out" is on from the start (springdoc.swagger-ui.try-it-out-enabled)
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Ticket_events-receive button.execute")))
                .click();

        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#operations-Ticket_events-receive .live-responses-table tbody .response-col_status")));
        screenshot("swagger-ui-ticket-event");
        String answer = ticketEvents.findElement(By.cssSelector(".live-responses-table tbody .response-col_description"))
                .getText();
        assertThat(status.getText()).isEqualTo("202");
        assertThat(answer).contains("\"processDefinitionKey\": \"ticket-completed-close-rmm-alert\"");

        String instanceId = answer.replaceAll("(?s).*\"processInstanceId\": \"([^\"]+)\".*", "$1");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).list())
                .as("the rule the event started").hasSize(1);
        assertThat(apiKeys.list()).filteredOn(k -> k.name().equals("Swagger UI test"))
                .allMatch(k -> k.lastUsedAt() != null, "the key was used");
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                .as("the console: the page's Content-Security-Policy lets the Swagger UI do all it does")
                .map(LogEntry::getMessage).noneMatch(message -> message.contains("Content Security Policy"));
    }

    private static void screenshot(String name) throws Exception {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
