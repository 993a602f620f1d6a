package com.extensioncallouts.callout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.extensioncallouts.network.NetworkGuard;
import com.extensioncallouts.network.NetworkProperties;
import com.extensioncallouts.problem.FieldProblem;
import com.extensioncallouts.problem.InvalidInputException;
import com.extensioncallouts.support.TestHostResolver;

class CalloutValidatorTests {

    private static final CalloutDraft VALID = new CalloutDraft("Datto RMM ticket closure",
            "https://rmm.example.com/autotask/close", null, null, null, null, null, null, null, null, null,
            List.of("noc@msp.example"), null, null);
    private static final NetworkGuard GUARD = new NetworkGuard(new NetworkProperties(false, List.of()),
            new TestHostResolver());

    @Test
    void aMinimalDraftGetsTheDefaults() {
        Callout callout = validate(VALID, null);

        assertThat(callout.id()).isNull();
        assertThat(callout.method()).isEqualTo(CalloutMethod.POST);
        assertThat(callout.format()).isEqualTo(DataFormat.XML);
        assertThat(callout.authentication()).isEqualTo(Authentication.NONE);
        assertThat(callout.notification().when()).isEqualTo(NotifyWhen.ON_ERROR);
        assertThat(callout.notification().recipients()).containsExactly("noc@msp.example");
        assertThat(callout.active()).isTrue();
        assertThat(callout.udfName()).isNull();
    }

    @Test
    void textIsTrimmedAndOptionsIgnoreCase() {
        Callout callout = validate(draft().name("  Close  ").url(" http://rmm.local:8080/x ")
                .method("get").format("name_value").when("always").udf("  RMM Alert ID ").active(false).build(), null);

        assertThat(callout.name()).isEqualTo("Close");
        assertThat(callout.url()).isEqualTo("http://rmm.local:8080/x");
        assertThat(callout.method()).isEqualTo(CalloutMethod.GET);
        assertThat(callout.format()).isEqualTo(DataFormat.NAME_VALUE);
        assertThat(callout.notification().when()).isEqualTo(NotifyWhen.ALWAYS);
        assertThat(callout.udfName()).isEqualTo("RMM Alert ID");
        assertThat(callout.active()).isFalse();
    }

    @Test
    void anEmptyDraftNamesEveryRequiredFieldAtOnce() {
        CalloutDraft empty = new CalloutDraft(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);

        assertThat(problems(empty, null)).extracting(FieldProblem::field)
                .containsExactly("name", "url", "notification.recipients");
    }

    @Test
    void aNameHasAtMostOneHundredCharacters() {
        assertThat(validate(draft().name("n".repeat(100)).build(), null).name()).hasSize(100);
        assertThat(fields(draft().name("n".repeat(101)).build())).containsExactly("name");
        assertThat(fields(draft().name("   ").build())).containsExactly("name");
    }

    @Test
    void aUrlIsAbsoluteHttpOrHttpsWithAHost() {
        for (String bad : List.of("rmm.example.com/close", "/close", "ftp://rmm.example.com/x", "mailto:a@b.example",
                "http://", "https:///path", "http://exa mple.com", "https://user:pass@rmm.example.com/x",
                "http://rmm.example.com:99999/x", "http://rmm.example.com:0/x")) {
            assertThat(fields(draft().url(bad).build())).as(bad).containsExactly("url");
        }
        assertThat(validate(draft().url("HTTPS://rmm.example.com/x?key=1").build(), null).url())
                .isEqualTo("HTTPS://rmm.example.com/x?key=1");
    }

    @Test
    void anUnknownOptionListsTheAllowedValues() {
        List<FieldProblem> problems = problems(draft().method("PUT").format("CSV").authType("DIGEST").when("NEVER")
                .build(), null);

        assertThat(problems).containsExactly(
                new FieldProblem("method", "'PUT' is not one of GET, POST."),
                new FieldProblem("format", "'CSV' is not one of XML, NAME_VALUE, JSON, TEMPLATE."),
                new FieldProblem("authentication.type", "'DIGEST' is not one of NONE, BASIC, BEARER, HEADER."),
                new FieldProblem("notification.when", "'NEVER' is not one of ALWAYS, ON_ERROR."));
    }

    @Test
    void aTemplateIsStoredAsWrittenWithItsContentTypeNormalised() {
        Callout callout = validate(draft().format("template").template(" {\"t\": \"{{ticket.title}}\"}\n")
                .contentType("Application/JSON; charset=UTF-8").build(), null);

        assertThat(callout.format()).isEqualTo(DataFormat.TEMPLATE);
        assertThat(callout.template()).isEqualTo(" {\"t\": \"{{ticket.title}}\"}\n");
        assertThat(callout.contentType()).isEqualTo("application/json");
    }

    @Test
    void onlyPostWithFormatTemplateTakesATemplate() {
        assertThat(problems(draft().method("GET").format("TEMPLATE").template("x").contentType("text/plain").build(),
                null)).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("format");
                    assertThat(p.message()).startsWith("GET callouts do not take templates");
                });
        assertThat(problems(draft().method("GET").template("{{ticket.id}}").build(), null)).singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("template");
                    assertThat(p.message()).contains("GET callouts do not take templates");
                });
        assertThat(fields(draft().format("JSON").template("{{ticket.id}}").contentType("text/plain").build()))
                .containsExactly("template", "contentType");
        assertThat(fields(draft().format("TEMPLATE").build())).containsExactly("contentType", "template");
        assertThat(fields(draft().format("CSV").template("x").build())).containsExactly("format");
    }

    @Test
    void basicNeedsUserNameAndPassword() {
        assertThat(fields(draft().authType("BASIC").build()))
                .containsExactly("authentication.username", "authentication.password");
        assertThat(fields(draft().authType("BASIC").username("a:b").password("x").build()))
                .containsExactly("authentication.username");

        Authentication auth = validate(draft().authType("BASIC").username("psa").password("s3cret")
                .token("ignored").headerName("X-Ignored").headerValue("ignored").build(), null).authentication();
        assertThat(auth).isEqualTo(new Authentication(AuthenticationType.BASIC, "psa", null, "s3cret"));
    }

    @Test
    void bearerNeedsAToken() {
        assertThat(fields(draft().authType("BEARER").password("not a token").build()))
                .containsExactly("authentication.token");
        assertThat(fields(draft().authType("BEARER").token("abc\r\nX-Evil: 1").build()))
                .containsExactly("authentication.token");

        Authentication auth = validate(draft().authType("BEARER").token("t0k").username("ignored")
                .build(), null).authentication();
        assertThat(auth).isEqualTo(new Authentication(AuthenticationType.BEARER, null, null, "t0k"));
    }

    @Test
    void headerNeedsAValidHeaderNameAndAValue() {
        assertThat(fields(draft().authType("HEADER").build()))
                .containsExactly("authentication.headerName", "authentication.headerValue");
        for (String bad : List.of("X Api Key", "X-Key:", "Schlüssel", "Content-Length", "Idempotency-Key")) {
            assertThat(fields(draft().authType("HEADER").headerName(bad).headerValue("v").build())).as(bad)
                    .containsExactly("authentication.headerName");
        }
        assertThat(fields(draft().authType("HEADER").headerName("X-Api-Key").headerValue("a\nb").build()))
                .containsExactly("authentication.headerValue");

        Authentication auth = validate(draft().authType("HEADER").headerName("X-Api-Key")
                .headerValue("v4lue").build(), null).authentication();
        assertThat(auth).isEqualTo(new Authentication(AuthenticationType.HEADER, null, "X-Api-Key", "v4lue"));
    }

    @Test
    void anOmittedSecretKeepsTheStoredOneOfTheSameType() {
        Callout stored = validate(draft().authType("BASIC").username("psa").password("s3cret")
                .build(), null);
        stored = withId(stored, 7L);

        Callout kept = validate(draft().authType("BASIC").username("psa2").build(), stored);
        assertThat(kept.id()).isEqualTo(7L);
        assertThat(kept.authentication().secret()).isEqualTo("s3cret");

        Callout blankKeeps = validate(draft().authType("BASIC").username("psa").password("")
                .build(), stored);
        assertThat(blankKeeps.authentication().secret()).isEqualTo("s3cret");

        Callout replaced = validate(draft().authType("BASIC").username("psa").password("n3w")
                .build(), stored);
        assertThat(replaced.authentication().secret()).isEqualTo("n3w");
    }

    @Test
    void anOmittedActiveStateKeepsTheStoredOne() {
        Callout inactive = withId(validate(draft().active(false).build(), null), 7L);

        assertThat(validate(draft().build(), inactive).active()).isFalse();
        assertThat(validate(draft().active(true).build(), inactive).active()).isTrue();
        assertThat(validate(draft().build(), null).active()).isTrue();
    }

    @Test
    void aSecretOfAnotherTypeIsNotKept() {
        Callout stored = withId(validate(draft().authType("BASIC").username("psa").password("s3cret")
                .build(), null), 7L);

        assertThat(problems(draft().authType("BEARER").build(), stored))
                .containsExactly(new FieldProblem("authentication.token", "A token is required for BEARER authentication."));
        assertThat(validate(draft().authType("NONE").build(), stored).authentication())
                .isEqualTo(Authentication.NONE);
    }

    @Test
    void atLeastOneRecipientIsRequired() {
        FieldProblem required = new FieldProblem("notification.recipients",
                "Select at least one recipient on the Notification tab.");

        assertThat(problems(draft().recipients().build(), null)).containsExactly(required);
        assertThat(problems(draft().recipients(" ", null).build(), null)).containsExactly(required);
    }

    @Test
    void everyRecipientIsAnEmailAddress() {
        assertThat(problems(draft().recipients("noc@msp.example", "not-an-address", "a@b@c").build(), null))
                .containsExactly(
                        new FieldProblem("notification.recipients", "'not-an-address' is not a valid e-mail address."),
                        new FieldProblem("notification.recipients", "'a@b@c' is not a valid e-mail address."));

        Callout callout = validate(draft().recipients(" noc@msp.example ", "NOC@msp.example",
                "tech.one+rmm@msp.example").build(), null);
        assertThat(callout.notification().recipients()).containsExactly("noc@msp.example", "tech.one+rmm@msp.example");
    }

    @Test
    void valuesLongerThanTheirColumnsAreRefused() {
        String longUrl = "https://rmm.example.com/" + "x".repeat(CalloutValidator.MAX_URL);
        assertThat(fields(draft().url(longUrl).udf("u".repeat(256)).authType("BEARER")
                .token("t".repeat(CalloutValidator.MAX_SECRET + 1)).build()))
                .containsExactly("url", "authentication.token", "udfName");
    }

    @Test
    void aUrlTheNetworkGuardRefusesIsAProblemOnUrlThatSaysWhyBesideTheOthers() {
        List<FieldProblem> problems = problems(draft().name(" ").url("http://169.254.169.254/latest/meta-data/")
                .build(), null);

        assertThat(problems).extracting(FieldProblem::field).containsExactly("name", "url");
        assertThat(problems.get(1).message()).isEqualTo("Callouts may not be sent there: 169.254.169.254 is a "
                + "link-local/cloud metadata address.");
    }

    private static List<String> fields(CalloutDraft draft) {
        return problems(draft, null).stream().map(FieldProblem::field).toList();
    }

    private static List<FieldProblem> problems(CalloutDraft draft, Callout stored) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> validate(draft, stored));
        assertThat(e).as("expected invalid input").isNotNull();
        return e.errors();
    }

    private static Callout withId(Callout c, long id) {
        return new Callout(id, c.name(), c.url(), c.method(), c.format(), c.authentication(), c.udfName(),
                c.notification(), c.active());
    }

    private static DraftBuilder draft() {
        return new DraftBuilder();
    }

    /** A valid draft to change one thing at a time. */
    private static final class DraftBuilder {
        private String name = VALID.name();
        private String url = VALID.url();
        private String method;
        private String format;
        private String authType;
        private String username;
        private String password;
        private String token;
        private String headerName;
        private String headerValue;
        private String udf;
        private List<String> recipients = VALID.recipients();
        private String when;
        private Boolean active;
        private String template;
        private String contentType;

        DraftBuilder template(String v) { template = v; return this; }
        DraftBuilder contentType(String v) { contentType = v; return this; }
        DraftBuilder name(String v) { name = v; return this; }
        DraftBuilder url(String v) { url = v; return this; }
        DraftBuilder method(String v) { method = v; return this; }
        DraftBuilder format(String v) { format = v; return this; }
        DraftBuilder authType(String v) { authType = v; return this; }
        DraftBuilder username(String v) { username = v; return this; }
        DraftBuilder password(String v) { password = v; return this; }
        DraftBuilder token(String v) { token = v; return this; }
        DraftBuilder headerName(String v) { headerName = v; return this; }
        DraftBuilder headerValue(String v) { headerValue = v; return this; }
        DraftBuilder udf(String v) { udf = v; return this; }
        DraftBuilder recipients(String... v) { recipients = Arrays.asList(v); return this; }
        DraftBuilder when(String v) { when = v; return this; }
        DraftBuilder active(Boolean v) { active = v; return this; }

        CalloutDraft build() {
            return new CalloutDraft(name, url, method, format, authType, username, password, token, headerName,
                    headerValue, udf, recipients, when, active, template, contentType);
        }
    }

    private static Callout validate(CalloutDraft draft, Callout stored) {
        return CalloutValidator.validate(draft, stored, GUARD);
    }
}
