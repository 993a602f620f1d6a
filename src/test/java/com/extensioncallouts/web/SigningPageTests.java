package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.signing.SigningSecrets;

/**
 * The Signed requests section of the callout form: generate a secret and see it once, rotate, remove after a
 * confirmation; each action a form with its CSRF token.
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningPageTests extends BrowserTestSupport {

    /** {@code whsec_} and base64 of 32 bytes. */
    private static final String SECRET = "whsec_[A-Za-z0-9+/]{43}=";

    @Autowired
    SigningSecrets signing;

    @Test
    void aGeneratedSecretIsShownOnceAndTheCalloutThenSigns(CapturedOutput output) {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        open("/callouts/" + callout.id() + "/edit");
        assertThat(status()).isEqualTo("Signing off");
        assertThat(driver.findElements(By.id("signing-rotate"))).isEmpty();

        clickAndWaitForPage(driver.findElement(By.id("signing-generate")));

        String secret = visible(By.id("new-secret-value")).getText();
        assertThat(secret).matches(SECRET);
        assertThat(status()).isEqualTo("Signing on");
        assertThat(driver.findElement(By.id("new-secret")).getText())
                .contains("it will not be shown again", "the old secret keeps signing beside the new one for 24 hours");
        assertThat(signing.keys(callout.id())).as("the secret shown is the one that signs")
                .singleElement().isEqualTo(key(secret));
        assertThat(driver.getCurrentUrl()).doesNotContain(secret).doesNotContain("whsec");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("focus moves to the section")
                .isEqualTo("signing");
        screenshot("callout-signing-new-secret");

        driver.navigate().refresh();
        visible(By.id("signing-since"));
        assertThat(driver.findElements(By.id("new-secret"))).as("shown once").isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(secret).doesNotContain(secret.substring(6, 30));
        assertThat(status()).isEqualTo("Signing on");
        assertThat(driver.findElement(By.id("signing-rotate")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.id("signing-generate"))).isEmpty();

        assertThat(output.getAll()).contains("CALLOUT-06014").doesNotContain(secret)
                .doesNotContain(secret.substring(6, 30));
    }

    @Test
    void theCopyButtonIsLabelledAndCopiesTheSecret() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        open("/callouts/" + callout.id() + "/edit");
        clickAndWaitForPage(driver.findElement(By.id("signing-generate")));

        WebElement copy = visible(By.id("copy-secret"));
        assertThat(copy.getTagName()).isEqualTo("button");
        assertThat(copy.getDomAttribute("type")).isEqualTo("button");
        assertThat(copy.getText()).isEqualTo("Copy");
        assertThat(copy.getDomAttribute("aria-label")).isEqualTo("Copy the signing secret to the clipboard");
        assertThat(driver.findElement(By.id("copy-status")).getDomAttribute("role")).isEqualTo("status");

        copy.click();
        await().until(d -> !d.findElement(By.id("copy-status")).getText().isEmpty());
        assertThat(driver.findElement(By.id("copy-status")).getText())
                .isIn("Copied to the clipboard.", "Selected: press Ctrl+C (⌘C) to copy.");
    }

    @Test
    void rotatingShowsANewDifferentSecretAndTheOldOneKeepsSigningForTheOverlap() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        String first = signing.generate(callout.id());
        open("/callouts/" + callout.id() + "/edit");
        assertThat(status()).isEqualTo("Signing on");
        assertThat(driver.findElement(By.id("signing-rotate-help")).getText()).contains("24 hours");

        clickAndWaitForPage(driver.findElement(By.id("signing-rotate")));

        String second = visible(By.id("new-secret-value")).getText();
        assertThat(second).matches(SECRET).isNotEqualTo(first);
        assertThat(driver.findElement(By.id("new-secret-title")).getText()).isEqualTo("New signing secret (rotated)");
        assertThat(driver.findElement(By.id("rotation-note")).getText())
                .contains("the previous secret keeps signing beside this one for 24 hours", "(until ", "UTC)");
        List<byte[]> keys = signing.keys(callout.id());
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).isEqualTo(key(second));
        assertThat(keys.get(1)).isEqualTo(key(first));
        assertThat(driver.getPageSource()).doesNotContain(first);

        driver.navigate().refresh();
        assertThat(visible(By.id("signing-previous")).getText()).startsWith("A rotated-out secret also signs until");
        assertThat(driver.getPageSource()).doesNotContain(second);
    }

    @Test
    void removingAsksFirstThenStopsSigning() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        signing.generate(callout.id());
        open("/callouts/" + callout.id() + "/edit");

        WebElement remove = driver.findElement(By.id("signing-remove"));
        remove.click();
        WebElement dialog = visible(By.id("signing-remove-dialog"));
        assertThat(dialog.getText()).contains("Stop signing?", "Datto RMM", "unsigned");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("signing-remove-cancel");
        driver.findElement(By.id("signing-remove-cancel")).click();
        await().until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("focus back on Remove")
                .isEqualTo("signing-remove");
        assertThat(signing.keys(callout.id())).as("cancelled: still signing").hasSize(1);

        remove.click();
        visible(By.id("signing-remove-dialog"));
        clickAndWaitForPage(driver.findElement(By.id("signing-remove-confirm")));

        assertThat(notice()).contains("Signing removed", "Datto RMM");
        assertThat(status()).isEqualTo("Signing off");
        assertThat(driver.findElement(By.id("signing-generate")).isDisplayed()).isTrue();
        assertThat(signing.keys(callout.id())).isEmpty();
        assertThat(signing.state(callout.id())).isEmpty();
    }

    @Test
    void theSigningFormsRefuseAPostWithoutItsCsrfToken() {
        Callout callout = givenCallout("Datto RMM", "https://datto.example/close");
        open("/callouts/" + callout.id() + "/edit");
        assertThat(driver.findElements(By.cssSelector("#signing form input[name='_csrf']"))).isNotEmpty();

        assertThat(postWithoutToken("/callouts/" + callout.id() + "/signing-secret")).isEqualTo(403);
        assertThat(signing.state(callout.id())).as("nothing generated").isEmpty();

        signing.generate(callout.id());
        assertThat(postWithoutToken("/callouts/" + callout.id() + "/signing-secret/remove")).isEqualTo(403);
        assertThat(signing.state(callout.id())).as("nothing removed").isPresent();
    }

    // ---- helpers ----

    private static String status() {
        return driver.findElement(By.id("signing-status")).getText();
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** A form POST from the signed-in page, as another site would forge it: the session cookie but no token. */
    private static int postWithoutToken(String path) {
        Object status = ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], { method: 'POST', credentials: 'same-origin', redirect: 'manual',
                    headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' })
                  .then(function (r) { done(r.status); }, function (e) { done(String(e)); });""", path);
        return ((Number) status).intValue();
    }
}
