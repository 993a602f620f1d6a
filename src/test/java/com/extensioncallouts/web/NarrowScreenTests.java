package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.journal.DeliveryState;
import com.extensioncallouts.support.HttpReceiver;

/**
 * Every view of the page on a phone, 375 CSS pixels wide: nothing runs off to the side (the document does not
 * scroll sideways, nothing inside a card is wider than its card) and the navigation stays in reach.
 */
class NarrowScreenTests extends BrowserTestSupport {

    static final int PHONE_WIDTH = 375;

    /**
     * What sticks out: the document wider than the window, a card wider than the window, or an element that is
     * shown and lies outside its card. Empty when all fits.
     */
    private static final String OVERFLOWS = """
            var problems = [];
            var width = window.innerWidth;
            var doc = document.documentElement;
            if (doc.scrollWidth > width) { problems.push('document is ' + doc.scrollWidth + ' px wide in ' + width); }
            function name(el) {
              return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
            }
            // Clipped away (visually hidden, for screen readers only): not on the screen
            function clipped(el, card) {
              for (var e = el; e && e !== card; e = e.parentElement) {
                var style = getComputedStyle(e);
                if ((style.clip && style.clip !== 'auto') || style.clipPath !== 'none') { return true; }
              }
              return false;
            }
            document.querySelectorAll('.card, .login-card, .topbar-inner').forEach(function (card) {
              var c = card.getBoundingClientRect();
              if (c.left < -0.5 || c.right > width + 0.5) { problems.push(name(card) + ' spans ' + c.left + '..' + c.right); }
              if (card.scrollWidth > card.clientWidth + 1) {
                problems.push(name(card) + ' scrolls: ' + card.scrollWidth + ' > ' + card.clientWidth);
              }
              card.querySelectorAll('*').forEach(function (el) {
                var r = el.getBoundingClientRect();
                if (r.width <= 1 || r.height <= 1 || getComputedStyle(el).visibility === 'hidden' || clipped(el, card)) {
                  return;
                }
                if (r.left < c.left - 0.5 || r.right > c.right + 0.5) {
                  problems.push(name(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right)
                    + ' outside ' + name(card) + ' ' + Math.round(c.left) + '..' + Math.round(c.right));
                }
              });
            });
            return problems;""";

    private final HttpReceiver rmm = new HttpReceiver();
    private Dimension before;

    @BeforeEach
    void phone() {
        before = driver.manage().window().getSize();
        viewportWidth(PHONE_WIDTH, 800);
        assertThat(((Number) js().executeScript("return window.innerWidth")).intValue()).isEqualTo(PHONE_WIDTH);
    }

    @AfterEach
    void desktopAgain() {
        driver.manage().window().setSize(before);
        rmm.close();
    }

    @Test
    void theSignInPageFits() {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));

        assertFits("sign-in");
        assertThat(driver.findElement(By.id("sign-in")).isDisplayed()).isTrue();
    }

    @Test
    void theEmptyCalloutListFitsAndKeepsTheNavigation() {
        open("/callouts");

        visible(By.id("empty-state"));
        assertFits("callouts-empty");
        assertNavigationInReach();
    }

    @Test
    void theCalloutsTableBecomesOneCardPerCalloutAndFits() {
        callouts.create(new CalloutDraft("Datto RMM ticket closure for the monitoring alert queue",
                "https://rmm.example.com/autotask/v2/alerts/close-the-alert-of-the-ticket?source=psa&format=json",
                "POST", "JSON", "NONE", null, null, null, null, null, null, List.of("noc@msp.example"), "ON_ERROR", true));
        Callout nable = givenCallout("N-able", "https://nable.example/hook");
        callouts.setActive(nable.id(), false);
        givenWorkflowRuleCalling("Close RMM alerts on completion", "N-able");
        open("/callouts");

        assertFits("callouts-table");
        assertNavigationInReach();
        assertThat(cells("N-able")).startsWith("N-able", "https://nable.example/hook", "1", "Inactive");
        assertThat(row("N-able").findElement(By.cssSelector(".menu-button")).isDisplayed()).isTrue();

        WebElement menu = openMenu("N-able");
        assertThat(menu.findElement(By.cssSelector("[data-action='deliveries']")).isDisplayed()).isTrue();
        assertFits("callouts-row-menu");
    }

    @Test
    void theFormFitsOnBothTabs() {
        open("/callouts/new");
        choose("authenticationType", "Basic (user name and password)");
        assertFits("callout-form-general");

        showTab("notification");
        assertFits("callout-form-notification");

        clickAndWaitForPage(driver.findElement(By.id("save")));
        visible(By.id("error-summary"));
        assertFits("callout-form-errors");
    }

    @Test
    void theSigningSectionFitsWithANewSecret() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        open("/callouts/" + callout.id() + "/edit");
        assertFits("callout-signing-off");

        clickAndWaitForPage(driver.findElement(By.id("signing-generate")));
        visible(By.id("new-secret-value"));
        assertFits("callout-signing-new-secret");
        assertThat(driver.findElement(By.id("copy-secret")).isDisplayed()).isTrue();

        driver.navigate().refresh();
        visible(By.id("signing-rotate"));
        assertFits("callout-signing-on");
    }

    @Test
    void theDeliveriesViewFitsWithADeliveryOpenAndTheRecoverDialog() {
        Callout callout = givenCallout("Datto RMM", rmm.url("/alerts/close-the-alert-of-the-ticket-with-a-long-path"));
        Delivery delivered = awaitDelivery(trigger("Datto RMM", "T20261128.0042", "EDITED"), DeliveryState.DELIVERED);
        givenDelivery(callout, "T20261128.0041", DeliveryState.FAILED, delivered.createdAt().minusSeconds(60));
        givenDelivery(callout, "T20261128.0040", DeliveryState.RETRYING, delivered.createdAt().minusSeconds(120));

        open("/callouts/" + callout.id() + "/deliveries?open=" + delivered.id());

        visible(By.cssSelector("#delivery-" + delivered.id() + " .attempt"));
        assertFits("deliveries-narrow");
        assertNavigationInReach();

        driver.findElement(By.id("recover-open")).click();
        visible(By.id("recover-dialog"));
        assertFits("deliveries-recover-narrow");
    }

    @Test
    void theDeliveriesViewFitsEmptyAndWithFilterErrorsAndSoDoesTheRecoverPage() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        open("/callouts/" + callout.id() + "/deliveries");
        visible(By.id("empty-state"));
        assertFits("deliveries-empty-narrow");

        open("/callouts/" + callout.id() + "/deliveries?state=LOST&since=yesterday");
        visible(By.id("filter-errors"));
        assertFits("deliveries-filter-errors-narrow");

        givenDelivery(callout, "T20261128.0041", DeliveryState.FAILED, Instant.now().minusSeconds(60));
        open("/callouts/" + callout.id() + "/deliveries/recover");
        clickAndWaitForPage(driver.findElement(By.id("recover-next")));
        visible(By.id("recover-confirmation"));
        assertFits("recover-page-narrow");
        assertNavigationInReach();
    }

    // ---- helpers ----

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    @SuppressWarnings("unchecked")
    private static void assertFits(String screenshot) {
        List<String> problems = (List<String>) js().executeScript(OVERFLOWS);
        screenshot(screenshot + "-375");
        assertThat(problems).as("what does not fit at " + PHONE_WIDTH + " px").isEmpty();
    }

    /** "Callouts" and "Cockpit" are shown in the top bar, inside the window, and can be reached with the keyboard. */
    private static void assertNavigationInReach() {
        List<WebElement> links = driver.findElements(By.cssSelector(".topnav a"));
        assertThat(links).extracting(WebElement::getText).containsExactly("Callouts", "Cockpit");
        for (WebElement link : links) {
            assertThat(link.isDisplayed()).as(link.getText() + " shown").isTrue();
            Number left = (Number) js().executeScript("return arguments[0].getBoundingClientRect().left", link);
            Number right = (Number) js().executeScript("return arguments[0].getBoundingClientRect().right", link);
            assertThat(left.doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(right.doubleValue()).isLessThanOrEqualTo(PHONE_WIDTH);
            assertThat(link.getDomAttribute("tabindex")).isNull();
        }
    }
}
