package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;

/** The callouts table, its row menu and the form, as an administrator uses them. */
class CalloutsPageTests extends BrowserTestSupport {

    @Test
    void withoutCalloutsThePageExplainsThemAndOffersNew() {
        open("/callouts");

        WebElement empty = visible(By.id("empty-state"));
        assertThat(empty.getText()).contains("No extension callouts yet", "RMM", "Workflow rules",
                "every 60 seconds, up to 10 times");
        screenshot("callouts-empty");
        clickAndWaitForPage(empty.findElement(By.id("new-callout")));
        assertThat(driver.getCurrentUrl()).endsWith("/callouts/new");
    }

    @Test
    void aCalloutCreatedThroughTheFormAppearsInTheTable() {
        givenCallout("Alpha RMM", "https://alpha.example/close");
        open("/callouts");
        clickAndWaitForPage(driver.findElement(By.id("new-callout")));

        type(By.id("name"), "Datto RMM ticket closure");
        type(By.id("url"), "https://rmm.example.com/autotask/close");
        driver.findElement(By.cssSelector("label[for='method-post']")).click();
        choose("format", "Name-value pairs");
        choose("authenticationType", "Basic (user name and password)");
        type(By.id("username"), "psa");
        type(By.id("password"), "s3cret");
        type(By.id("udfName"), "RMM Alert ID");
        showTab("notification");
        type(By.id("recipients"), "noc@msp.example\noncall@msp.example");
        driver.findElement(By.cssSelector("label[for='notify-always']")).click();
        showTab("general");
        screenshot("callout-form");
        clickAndWaitForPage(driver.findElement(By.id("save")));

        assertThat(notice()).contains("Callout saved", "Datto RMM ticket closure");
        assertThat(cells("Datto RMM ticket closure"))
                .startsWith("Datto RMM ticket closure", "https://rmm.example.com/autotask/close", "0", "Active");
        assertThat(visibleNames()).as("sorted by name").containsExactly("Alpha RMM", "Datto RMM ticket closure");
        screenshot("callouts-table-after-save");

        Callout stored = callouts.findByName("Datto RMM ticket closure").orElseThrow();
        assertThat(stored.format().name()).isEqualTo("NAME_VALUE");
        assertThat(stored.authentication().username()).isEqualTo("psa");
        assertThat(stored.authentication().secret()).isEqualTo("s3cret");
        assertThat(stored.udfName()).isEqualTo("RMM Alert ID");
        assertThat(stored.notification().recipients()).containsExactly("noc@msp.example", "oncall@msp.example");
        assertThat(stored.notification().when().name()).isEqualTo("ALWAYS");
    }

    @Test
    void theFilterNarrowsTheTableByNameOrUrlAsYouType() {
        givenCallout("Datto RMM", "https://datto.example/close");
        Callout nable = givenCallout("N-able", "https://nable.example/hook");
        callouts.setActive(nable.id(), false);
        givenCallout("NinjaOne", "https://ninja.example/datto-compat");
        givenWorkflowRuleCalling("Close RMM alerts on completion", "Datto RMM");
        open("/callouts");
        screenshot("callouts-table");

        driver.findElement(By.id("filter")).sendKeys("datto");
        assertThat(visibleNames()).containsExactly("Datto RMM", "NinjaOne");
        assertThat(driver.findElement(By.id("filter-count")).getText()).isEqualTo("2 of 3 callouts");

        driver.findElement(By.id("filter")).sendKeys("-nothing");
        assertThat(visibleNames()).isEmpty();
        assertThat(driver.findElement(By.id("no-match")).getText()).contains("datto-nothing");

        driver.findElement(By.id("filter")).sendKeys(Keys.ESCAPE);
        assertThat(visibleNames()).hasSize(3);
    }

    @Test
    void theCountOfWorkflowRulesLeadsToTheRulesThatExecuteTheCallout() {
        Callout datto = givenCallout("Datto RMM", "https://datto.example/close");
        givenCallout("N-able", "https://nable.example/hook");
        givenWorkflowRuleCalling("Close RMM alerts on completion", "Datto RMM");
        open("/callouts");

        WebElement count = row("Datto RMM").findElement(By.cssSelector(".cell-rules a"));
        assertThat(count.getText()).isEqualTo("1");
        assertThat(count.getDomAttribute("aria-label")).isEqualTo("1 workflow rule executing Datto RMM");
        clickAndWaitForPage(count);

        assertThat(driver.getCurrentUrl()).endsWith("/callouts/" + datto.id() + "/workflow-rules");
        assertThat(visible(By.id("rules-title")).getText()).isEqualTo("Workflow rules executing Datto RMM");
        List<WebElement> rules = driver.findElements(By.cssSelector("#rules-table tr.rule-row"));
        assertThat(rules).hasSize(1);
        List<String> cells = rules.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells.subList(0, 3)).containsExactly("Close RMM alerts on completion", "webPageTestRule", "1");
        assertThat(cells.get(3)).as("deployed").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        assertThat(cells.get(4)).as("the calling element").isEqualTo("callout");
        screenshot("callout-workflow-rules");

        open("/callouts");
        clickAndWaitForPage(row("N-able").findElement(By.cssSelector(".cell-rules a")));
        assertThat(visible(By.id("no-rules")).getText()).contains("No workflow rule executes this callout", "N-able");
    }

    @Test
    void editingChangesTheCalloutAndNeverShowsTheStoredSecret() {
        callouts.create(new CalloutDraft("Kaseya", "https://kaseya.example/a", "POST", "XML", "BASIC", "psa",
                "top-secret-pw", null, null, null, null, List.of("noc@msp.example"), "ON_ERROR", true));
        open("/callouts");
        menuAction("Kaseya", "edit", true);

        assertThat(value("name")).isEqualTo("Kaseya");
        assertThat(value("username")).isEqualTo("psa");
        assertThat(value("password")).isEmpty();
        assertThat(driver.findElement(By.id("password")).getDomAttribute("placeholder")).isEqualTo("•••• (set)");
        assertThat(driver.getPageSource()).doesNotContain("top-secret-pw");

        type(By.id("url"), "https://kaseya.example/b");
        clickAndWaitForPage(driver.findElement(By.id("save")));

        assertThat(notice()).contains("Callout saved");
        assertThat(cells("Kaseya").get(1)).isEqualTo("https://kaseya.example/b");
    }

    /** Needs the callout feature (branch feat/callout): an empty secret input keeps the stored secret. */
    @Test
    void anEmptySecretInputKeepsTheStoredSecret() {
        Callout kaseya = callouts.create(new CalloutDraft("Kaseya", "https://kaseya.example/a", "POST", "XML",
                "BASIC", "psa", "top-secret-pw", null, null, null, null, List.of("noc@msp.example"), "ON_ERROR", true));
        open("/callouts/" + kaseya.id() + "/edit");
        type(By.id("udfName"), "RMM Alert ID");
        clickAndWaitForPage(driver.findElement(By.id("save")));

        assertThat(callouts.get(kaseya.id()).authentication().secret()).isEqualTo("top-secret-pw");
    }

    @Test
    void theRowMenuDeactivatesAndActivatesACallout() {
        givenCallout("Datto RMM", "https://datto.example/close");
        open("/callouts");

        menuAction("Datto RMM", "deactivate", true);
        assertThat(notice()).contains("Callout deactivated");
        assertThat(cells("Datto RMM").get(3)).isEqualTo("Inactive");
        assertThat(callouts.findByName("Datto RMM").orElseThrow().active()).isFalse();

        WebElement menu = openMenu("Datto RMM");
        assertThat(menu.findElements(By.cssSelector("[data-action='deactivate']"))).isEmpty();
        clickAndWaitForPage(menu.findElement(By.cssSelector("[data-action='activate']")));
        assertThat(notice()).contains("Callout activated");
        assertThat(cells("Datto RMM").get(3)).isEqualTo("Active");
    }

    @Test
    void theRowMenuWorksWithTheKeyboard() {
        givenCallout("Datto RMM", "https://datto.example/close");
        open("/callouts");
        WebElement button = row("Datto RMM").findElement(By.cssSelector(".menu-button"));
        assertThat(button.getDomAttribute("aria-haspopup")).isEqualTo("menu");

        button.sendKeys(Keys.ENTER);
        WebElement menu = visible(By.id(button.getDomAttribute("aria-controls")));
        assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Edit");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Deliveries");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Send test");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_UP, Keys.ARROW_UP);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Delete…");
        screenshot("callouts-row-menu");

        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        await().until(ExpectedConditions.invisibilityOf(menu));
        assertThat(driver.switchTo().activeElement()).isEqualTo(button);

        button.sendKeys(Keys.SPACE);
        visible(By.id(button.getDomAttribute("aria-controls")));
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Deactivate");
        WebElement html = driver.findElement(By.tagName("html"));
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        awaitPageReplaced(html);
        assertThat(notice()).contains("Callout deactivated");
    }

    @Test
    void deleteAsksForConfirmationFirst() {
        givenCallout("Datto RMM", "https://datto.example/close");
        givenCallout("N-able", "https://nable.example/hook");
        open("/callouts");

        menuAction("Datto RMM", "delete", false);
        WebElement dialog = visible(By.id("delete-dialog"));
        assertThat(dialog.getText()).contains("Delete callout?", "Datto RMM");
        screenshot("callouts-delete-dialog");
        driver.findElement(By.id("delete-cancel")).click();
        await().until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(visibleNames()).containsExactly("Datto RMM", "N-able");

        menuAction("Datto RMM", "delete", false);
        visible(By.id("delete-dialog"));
        clickAndWaitForPage(driver.findElement(By.id("delete-confirm")));

        assertThat(notice()).contains("Callout deleted", "Datto RMM");
        assertThat(visibleNames()).containsExactly("N-able");
        assertThat(callouts.findByName("Datto RMM")).isEmpty();
    }

    @Test
    void aStaleLinkLeadsBackToTheListWithAMessage() {
        open("/callouts/424242/edit");

        assertThat(driver.getCurrentUrl()).endsWith("/callouts");
        assertThat(notice()).contains("does not exist");
    }
}
