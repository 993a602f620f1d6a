package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The service's validation errors, as the form shows them. These rely on the validation of the
 * callout feature (branch feat/callout); the page itself decides nothing.
 */
class CalloutFormErrorsTests extends BrowserTestSupport {

    @Test
    void savingWithoutARecipientIsRefusedOnTheNotificationTab() {
        open("/callouts/new");
        type(By.id("name"), "Datto RMM");
        type(By.id("url"), "https://datto.example/close");
        choose("authenticationType", "Bearer token");
        type(By.id("token"), "tok-123");
        clickAndWaitForPage(driver.findElement(By.id("save")));

        assertThat(visible(By.id("error-summary")).getText())
                .contains("a recipient must be selected on the Notification tab");
        assertThat(tabShown("notification")).isTrue();
        assertThat(fieldError("recipients")).isNotBlank();
        assertThat(driver.findElement(By.cssSelector("#tab-notification .tab-badge")).getText()).isEqualTo("1");
        screenshot("callout-form-missing-recipient");

        showTab("general");
        assertThat(value("name")).isEqualTo("Datto RMM");
        assertThat(value("url")).isEqualTo("https://datto.example/close");
        assertThat(value("authenticationType")).isEqualTo("BEARER");
        assertThat(value("token")).as("what was typed is kept").isEqualTo("tok-123");
        assertThat(callouts.list()).isEmpty();

        showTab("notification");
        type(By.id("recipients"), "noc@msp.example");
        clickAndWaitForPage(driver.findElement(By.id("save")));
        assertThat(notice()).contains("Callout saved");
    }

    @Test
    void everyErrorAppearsNextToItsFieldAndNothingTypedIsLost() {
        open("/callouts/new");
        type(By.id("url"), "ftp://not-http.example/");
        choose("authenticationType", "Custom header");
        type(By.id("headerValue"), "value-without-name");
        type(By.id("udfName"), "RMM Alert ID");
        showTab("notification");
        type(By.id("recipients"), "noc@msp.example");
        clickAndWaitForPage(driver.findElement(By.id("save")));

        assertThat(tabShown("general")).isTrue();
        assertThat(fieldError("name")).isNotBlank();
        assertThat(fieldError("url")).isNotBlank();
        assertThat(fieldError("headerName")).isNotBlank();
        assertThat(driver.findElement(By.id("url")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(value("url")).isEqualTo("ftp://not-http.example/");
        assertThat(value("udfName")).isEqualTo("RMM Alert ID");
        assertThat(value("headerValue")).isEqualTo("value-without-name");
        assertThat(value("recipients")).isEqualTo("noc@msp.example");
        assertThat(callouts.list()).isEmpty();
    }

    @Test
    void aTakenNameIsRefusedBesideTheName() {
        givenCallout("Datto RMM", "https://datto.example/close");
        open("/callouts/new");
        type(By.id("name"), "datto rmm");
        type(By.id("url"), "https://other.example/close");
        showTab("notification");
        type(By.id("recipients"), "noc@msp.example");
        clickAndWaitForPage(driver.findElement(By.id("save")));

        assertThat(fieldError("name")).isNotBlank();
        assertThat(value("name")).isEqualTo("datto rmm");
        assertThat(callouts.list()).hasSize(1);
    }
}
