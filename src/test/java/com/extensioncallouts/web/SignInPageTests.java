package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import com.extensioncallouts.security.Roles;

/** The page is behind a form login with the Camunda users that the REST API uses too. */
class SignInPageTests extends BrowserTestSupport {

    @Autowired
    IdentityService identityService;

    @BeforeEach
    void signedOut() {
        driver.manage().deleteAllCookies();
    }

    @Test
    void theStartPageAsksForASignInAndThenShowsTheCallouts() {
        driver.get(url("/"));
        assertThat(path()).isEqualTo("/login");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");

        signIn("demo", "demo");

        assertThat(path()).isEqualTo("/callouts");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Extension callouts");
        assertThat(driver.findElement(By.cssSelector(".user-name")).getText()).isEqualTo("demo");
    }

    @Test
    void anAdministratorCanSignIn() {
        givenCamundaUser("opslead", "lead-pw");
        if (identityService.createUserQuery().userId("opslead").memberOfGroup(Roles.ADMINS).count() == 0) {
            identityService.createMembership("opslead", Roles.ADMINS);
        }
        driver.get(url("/callouts"));
        signIn("opslead", "lead-pw");

        assertThat(path()).isEqualTo("/callouts");
        assertThat(driver.findElement(By.cssSelector(".user-name")).getText()).isEqualTo("opslead");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        // A user of its own: Camunda delays the next sign-in of a user after a wrong password
        givenCamundaUser("opstypo", "right-pw");
        driver.get(url("/callouts"));
        signIn("opstypo", "wrong-pw");

        assertThat(driver.getCurrentUrl()).contains("/login?error");
        assertThat(visible(By.id("login-error")).getText()).contains("not right");
    }

    private static String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private void givenCamundaUser(String id, String password) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(password);
            identityService.saveUser(user);
        }
    }

    @Test
    void signingOutEndsTheSession() {
        open("/callouts");
        clickAndWaitForPage(driver.findElement(By.id("sign-out")));

        assertThat(visible(By.id("logged-out")).getText()).contains("signed out");
        driver.get(url("/callouts"));
        assertThat(path()).isEqualTo("/login");
    }
}
