package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.extensioncallouts.support.HttpReceiver;
import com.extensioncallouts.support.HttpReceiver.Answer;

/** Send test against a real loopback receiver, and a delete that workflow rules prevent. */
class CalloutRowActionsTests extends BrowserTestSupport {

    private final HttpReceiver rmm = new HttpReceiver();

    @AfterEach
    void stopReceiver() {
        rmm.close();
    }

    @Test
    void sendTestShowsTheAnswerOfAnRmmThatAccepts() {
        rmm.alwaysAnswer(new Answer(200, "{\"closed\":true,\n\"alert\":\"a-123\"}", false));
        givenCallout("Datto RMM", rmm.url("/close"));
        open("/callouts");

        menuAction("Datto RMM", "test", true);

        assertThat(rmm.requests()).hasSize(1);
        assertThat(visible(By.id("test-verdict")).getText()).isEqualTo("Delivered");
        assertThat(driver.findElement(By.id("test-status")).getText()).isEqualTo("HTTP 200");
        assertThat(driver.findElement(By.id("test-duration")).getText()).matches("\\d+ ms");
        assertThat(driver.findElement(By.id("test-response")).getText()).contains("\"closed\":true", "a-123");
        screenshot("callouts-send-test");
    }

    @Test
    void sendTestShowsTheAnswerOfAnRmmThatFails() {
        rmm.alwaysAnswer(new Answer(500, "Internal error: alert store unavailable", false));
        givenCallout("Datto RMM", rmm.url("/close"));
        open("/callouts");

        menuAction("Datto RMM", "test", true);

        assertThat(visible(By.id("test-verdict")).getText()).isEqualTo("Failed");
        assertThat(driver.findElement(By.id("test-status")).getText()).isEqualTo("HTTP 500");
        assertThat(driver.findElement(By.id("test-response")).getText()).contains("alert store unavailable");
    }

    @Test
    void sendTestShowsTheErrorWhenNobodyAnswers() {
        String unreachable = rmm.url("/close");
        rmm.close();
        givenCallout("Datto RMM", unreachable);
        open("/callouts");

        menuAction("Datto RMM", "test", true);

        assertThat(visible(By.id("test-verdict")).getText()).isEqualTo("Failed");
        assertThat(driver.findElement(By.id("test-error")).getText()).isNotBlank();
    }

    /** Needs the rule index (feat/callout + the rule package) to count and refuse. */
    @Test
    void deletingACalloutThatAWorkflowRuleExecutesIsRefusedNamingTheRule() {
        givenCallout("Datto RMM", "https://datto.example/close");
        givenWorkflowRuleCalling("Close RMM alerts on completion", "Datto RMM");
        open("/callouts");
        assertThat(cells("Datto RMM").get(2)).isEqualTo("1");

        menuAction("Datto RMM", "delete", false);
        visible(By.id("delete-dialog"));
        clickAndWaitForPage(driver.findElement(By.id("delete-confirm")));

        assertThat(notice()).contains("not deleted", "Close RMM alerts on completion");
        assertThat(visibleNames()).containsExactly("Datto RMM");
        assertThat(callouts.findByName("Datto RMM")).isPresent();
    }
}
