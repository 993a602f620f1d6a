package com.extensioncallouts.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/**
 * A remembered verification never outlives the password it verified: a password changed (or a user
 * deleted) through Camunda's identity service is refused at the very next request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PasswordChangeTests {

    private static final String USER = "ticketsystem" + System.nanoTime();

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identity;

    @BeforeEach
    void createUser() {
        User user = identity.newUser(USER);
        user.setPassword("first-s3cret");
        identity.saveUser(user);
        identity.createMembership(USER, Roles.ADMINS);
    }

    @AfterEach
    void deleteUser() {
        identity.deleteUser(USER);
    }

    @Test
    void aChangedPasswordIsRefusedAtOnceAndTheNewOneAccepted() {
        assertThat(status("first-s3cret")).isEqualTo(HttpStatus.OK);
        assertThat(status("first-s3cret")).as("remembered").isEqualTo(HttpStatus.OK);

        User user = identity.createUserQuery().userId(USER).singleResult();
        user.setPassword("second-s3cret");
        identity.saveUser(user);

        // The new one first: a wrong password makes Camunda hold the user back for a few seconds
        assertThat(status("second-s3cret")).isEqualTo(HttpStatus.OK);
        assertThat(status("first-s3cret")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aDeletedUserIsRefusedAtOnce() {
        assertThat(status("first-s3cret")).isEqualTo(HttpStatus.OK);

        identity.deleteUser(USER);

        assertThat(status("first-s3cret")).isEqualTo(HttpStatus.UNAUTHORIZED);
        createUser(); // for @AfterEach
    }

    private HttpStatus status(String password) {
        return HttpStatus.valueOf(rest.withBasicAuth(USER, password).getForEntity("/api/callouts", String.class)
                .getStatusCode().value());
    }
}
