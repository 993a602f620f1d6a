package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.DataFormat;

/**
 * The callout form with format TEMPLATE: the template and its content type appear only with that format,
 * "Preview" renders the template with a sample ticket and puts the caret on a mistake, and saving stores both.
 */
class BodyTemplateFormTests extends BrowserTestSupport {

    @Test
    void aTemplateIsPreviewedCorrectedAndSaved() {
        open("/callouts/new");
        WebElement group = driver.findElement(By.id("body-template"));
        assertThat(group.isDisplayed()).as("hidden while the format is XML").isFalse();

        type(By.id("name"), "RMM alert close");
        type(By.id("url"), "https://rmm.example.com/api/alerts/close");
        type(By.id("udfName"), "RMM Alert ID");
        choose("format", "Template (your own body)");
        assertThat(visible(By.id("body-template")).isDisplayed()).isTrue();
        choose("contentType", "application/json");

        type(By.id("template"), "{\n  \"alertId\": \"{{#ticket.udfs.RMM Alert ID}}\",\n  \"note\": \"{{ticket.title}}\"\n}");
        driver.findElement(By.id("template-preview-button")).click();

        assertThat(visible(By.id("template-preview-error")).getText())
                .isEqualTo("Line 2, column 15: The section 'ticket.udfs.RMM Alert ID' is never closed:"
                        + " add {{/ticket.udfs.RMM Alert ID}}.");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("template");
        Number caret = (Number) ((JavascriptExecutor) driver)
                .executeScript("return document.getElementById('template').selectionStart");
        assertThat(caret.intValue()).as("the caret at line 2, column 15").isEqualTo(2 + 14);
        assertThat(driver.findElement(By.id("template-preview")).isDisplayed()).isFalse();

        type(By.id("template"), "{\n  \"alertId\": \"{{ticket.udfs.RMM Alert ID}}\",\n  \"note\": \"{{ticket.title}}\","
                + "\n  \"by\": \"{{callout.name}}\"\n}");
        driver.findElement(By.id("template-preview-button")).click();

        assertThat(visible(By.id("template-preview-body")).getText()).isEqualTo("{\n  \"alertId\": \"test\",\n"
                + "  \"note\": \"Extension callout test\",\n  \"by\": \"RMM alert close\"\n}");
        assertThat(driver.findElement(By.id("template-preview-type")).getText()).isEqualTo("application/json");
        assertThat(driver.findElement(By.id("template-preview-error")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("template-preview-warning")).isDisplayed()).isFalse();
        screenshot("callout-form-template-preview");

        showTab("notification");
        type(By.id("recipients"), "noc@msp.example");
        showTab("general");
        clickAndWaitForPage(driver.findElement(By.id("save")));

        assertThat(notice()).contains("Callout saved", "RMM alert close");
        Callout stored = callouts.findByName("RMM alert close").orElseThrow();
        assertThat(stored.format()).isEqualTo(DataFormat.TEMPLATE);
        assertThat(stored.contentType()).isEqualTo("application/json");
        assertThat(stored.template()).isEqualTo("{\n  \"alertId\": \"{{ticket.udfs.RMM Alert ID}}\",\n"
                + "  \"note\": \"{{ticket.title}}\",\n  \"by\": \"{{callout.name}}\"\n}");

        open("/callouts/" + stored.id() + "/edit");
        assertThat(driver.findElement(By.id("body-template")).isDisplayed()).isTrue();
        assertThat(value("template")).isEqualTo(stored.template());
        assertThat(value("contentType")).isEqualTo("application/json");
    }

    @Test
    void savingAGetCalloutWithATemplateIsRefusedBesideTheFormat() {
        open("/callouts/new");
        type(By.id("name"), "GET with template");
        type(By.id("url"), "https://rmm.example.com/close");
        driver.findElement(By.cssSelector("label[for='method-get']")).click();
        choose("format", "Template (your own body)");
        choose("contentType", "text/plain");
        type(By.id("template"), "{{ticket.number}}");
        showTab("notification");
        type(By.id("recipients"), "noc@msp.example");
        clickAndWaitForPage(driver.findElement(By.id("save")));

        assertThat(fieldError("format")).startsWith("GET callouts do not take templates");
        assertThat(driver.findElement(By.id("body-template")).isDisplayed()).isTrue();
        assertThat(value("template")).isEqualTo("{{ticket.number}}");
        assertThat(callouts.findByName("GET with template")).isEmpty();
    }
}
