package com.extensioncallouts.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.extensioncallouts.CalloutsProperties;

/** A verified password is remembered as a keyed hash, for this very password only, and only for a while. */
class VerifiedCredentialsTests {

    private static final List<GrantedAuthority> ADMINS = List.of(new SimpleGrantedAuthority("GROUP_camunda-admin"));

    private static VerifiedCredentials remembering(Duration ttl) {
        return new VerifiedCredentials(new CalloutsProperties(new CalloutsProperties.Retry(Duration.ofSeconds(60), 10),
                new CalloutsProperties.Http(Duration.ofSeconds(30)), new CalloutsProperties.Mail("a@b.example"),
                new CalloutsProperties.Cache(Duration.ofSeconds(5), ttl),
                new CalloutsProperties.TicketEvents(0, Duration.ofSeconds(30), Duration.ofMillis(10), 16),
                25, Duration.ofDays(30),
                URI.create("http://localhost:8080")));
    }

    @Test
    void aVerifiedPasswordIsRememberedWithItsGroups() {
        VerifiedCredentials verified = remembering(Duration.ofMinutes(1));

        verified.remember("psa", "s3cret", ADMINS);

        assertThat(verified.authoritiesIfVerified("psa", "s3cret")).contains(ADMINS);
    }

    @Test
    void anyOtherPasswordOrUserIsNotVerified() {
        VerifiedCredentials verified = remembering(Duration.ofMinutes(1));
        verified.remember("psa", "s3cret", ADMINS);

        assertThat(verified.authoritiesIfVerified("psa", "s3cret ")).isEmpty();
        assertThat(verified.authoritiesIfVerified("psa", "")).isEmpty();
        assertThat(verified.authoritiesIfVerified("psa2", "s3cret")).isEmpty();
    }

    @Test
    void forgottenOnRequestAndAfterItsTime() throws InterruptedException {
        VerifiedCredentials verified = remembering(Duration.ofMillis(200));
        verified.remember("psa", "s3cret", ADMINS);
        verified.remember("ticket-system", "t0ken", List.of());

        verified.forget("psa");
        assertThat(verified.authoritiesIfVerified("psa", "s3cret")).isEmpty();
        assertThat(verified.authoritiesIfVerified("ticket-system", "t0ken")).isPresent();

        Thread.sleep(250);
        assertThat(verified.authoritiesIfVerified("ticket-system", "t0ken")).isEmpty();
    }

    @Test
    void aTimeToLiveOfZeroRemembersNothing() {
        VerifiedCredentials verified = remembering(Duration.ZERO);
        verified.remember("psa", "s3cret", ADMINS);

        assertThat(verified.authoritiesIfVerified("psa", "s3cret")).isEmpty();
    }
}
