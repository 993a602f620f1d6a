package com.extensioncallouts.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.extensioncallouts.callout.Authentication;
import com.extensioncallouts.callout.AuthenticationType;
import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutMethod;
import com.extensioncallouts.callout.DataFormat;
import com.extensioncallouts.callout.Notification;
import com.extensioncallouts.callout.NotifyWhen;

class CalloutRequestBuilderTests {

    private final CalloutRequestBuilder builder = new CalloutRequestBuilder("ExtensionCallouts/1.2.3");

    static Map<String, Object> ticket() {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", 4711);
        ticket.put("number", "T20261127.0042");
        ticket.put("title", "Disk <C:> & \"D:\" low");
        ticket.put("status", "Complete");
        ticket.put("udfs", new LinkedHashMap<>(Map.of("RMM Alert ID", "a-123")));
        return ticket;
    }

    static Callout callout(CalloutMethod method, DataFormat format, Authentication auth, String url) {
        return new Callout(1L, "Datto", url, method, format, auth, null,
                new Notification(List.of("noc@msp.example"), NotifyWhen.ON_ERROR), true);
    }

    static Callout callout(CalloutMethod method, DataFormat format) {
        return callout(method, format, Authentication.NONE, "https://rmm.example.com/close");
    }

    @Test
    void templatePostRendersTheCalloutsTemplateWithItsContentType() {
        Callout callout = new Callout(9L, "Close alert", "https://rmm.example.com/close", CalloutMethod.POST,
                DataFormat.TEMPLATE, Authentication.NONE, null,
                new Notification(List.of("noc@msp.example"), NotifyWhen.ON_ERROR), true,
                "<close alert=\"{{ticket.udfs.RMM Alert ID}}\" by=\"{{callout.name}}\">{{ticket.title}}</close>",
                "text/xml");

        CalloutRequest request = builder.build(callout, ticket(), "EDITED", 1, "k-1");

        assertThat(request.contentType()).isEqualTo("text/xml; charset=UTF-8");
        assertThat(request.body()).isEqualTo(
                "<close alert=\"a-123\" by=\"Close alert\">Disk &lt;C:&gt; &amp; &quot;D:&quot; low</close>");
    }

    @Test
    void xmlPostHasOneElementPerTopLevelFieldAndOneUdfElementPerUdf() {
        CalloutRequest request = builder.build(callout(CalloutMethod.POST, DataFormat.XML), ticket(), "EDITED", 1, "k-1");

        assertThat(request.method()).isEqualTo(CalloutMethod.POST);
        assertThat(request.url()).isEqualTo("https://rmm.example.com/close");
        assertThat(request.contentType()).isEqualTo("application/xml; charset=UTF-8");
        assertThat(request.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ticket>"
                + "<id>4711</id><number>T20261127.0042</number>"
                + "<title>Disk &lt;C:&gt; &amp; &quot;D:&quot; low</title><status>Complete</status>"
                + "<udf name=\"RMM Alert ID\">a-123</udf></ticket>");
    }

    @Test
    void xmlRendersNestedObjectsAsElementsListsAsRepeatsAndOddNamesAsFieldElements() {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("contact", new LinkedHashMap<>(Map.of("email", "a@b.c")));
        ticket.put("tags", List.of("x", "y"));
        ticket.put("Due Date", null);

        String body = builder.build(callout(CalloutMethod.POST, DataFormat.XML), ticket, "EDITED", 1, "k").body();

        assertThat(body).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ticket>"
                + "<contact><email>a@b.c</email></contact><tags>x</tags><tags>y</tags>"
                + "<field name=\"Due Date\"/></ticket>");
    }

    @Test
    void nameValuePostIsAFormWithEventTopLevelPairsAndUdfPairs() {
        CalloutRequest request = builder.build(callout(CalloutMethod.POST, DataFormat.NAME_VALUE), ticket(), "EDITED",
                1, "k");

        assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.body()).isEqualTo("event=EDITED&id=4711&number=T20261127.0042"
                + "&title=Disk+%3CC%3A%3E+%26+%22D%3A%22+low&status=Complete&udf%3ARMM+Alert+ID=a-123");
    }

    @Test
    void jsonPostCarriesTheEventAndTheTicketAsReceived() {
        CalloutRequest request = builder.build(callout(CalloutMethod.POST, DataFormat.JSON), ticket(), "CREATED", 1, "k");

        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"event\":\"CREATED\",\"ticket\":{\"id\":4711,"
                + "\"number\":\"T20261127.0042\",\"title\":\"Disk <C:> & \\\"D:\\\" low\",\"status\":\"Complete\","
                + "\"udfs\":{\"RMM Alert ID\":\"a-123\"}}}");
    }

    @Test
    void getSendsTheNameValuePairsInTheQueryStringForEveryFormat() {
        for (DataFormat format : DataFormat.values()) {
            CalloutRequest request = builder.build(callout(CalloutMethod.GET, format, Authentication.NONE,
                    "https://rmm.example.com/close?tenant=7#top"), ticket(), "EDITED", 1, "k");

            assertThat(request.method()).isEqualTo(CalloutMethod.GET);
            assertThat(request.url()).isEqualTo("https://rmm.example.com/close?tenant=7&event=EDITED&id=4711"
                    + "&number=T20261127.0042&title=Disk+%3CC%3A%3E+%26+%22D%3A%22+low&status=Complete"
                    + "&udf%3ARMM+Alert+ID=a-123#top");
            assertThat(request.body()).isNull();
            assertThat(request.contentType()).isNull();
        }
    }

    @Test
    void queryIsAppendedWithTheRightSeparator() {
        assertThat(CalloutRequestBuilder.appendQuery("http://h/p", "a=1")).isEqualTo("http://h/p?a=1");
        assertThat(CalloutRequestBuilder.appendQuery("http://h/p?", "a=1")).isEqualTo("http://h/p?a=1");
        assertThat(CalloutRequestBuilder.appendQuery("http://h/p?x=2", "a=1")).isEqualTo("http://h/p?x=2&a=1");
    }

    @Test
    void everyRequestCarriesIdempotencyKeyAttemptAndUserAgent() {
        CalloutRequest request = builder.build(callout(CalloutMethod.POST, DataFormat.XML), ticket(), "EDITED", 3,
                "key-42");

        assertThat(request.header("Idempotency-Key")).isEqualTo("key-42");
        assertThat(request.header("X-Callout-Attempt")).isEqualTo("3");
        assertThat(request.header("User-Agent")).isEqualTo("ExtensionCallouts/1.2.3");
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void basicBearerAndCustomHeaderAuthentication() {
        String basic = builder.build(callout(CalloutMethod.POST, DataFormat.XML,
                new Authentication(AuthenticationType.BASIC, "psa", null, "s3cret"), "http://h/"), ticket(), "EDITED", 1,
                "k").header("Authorization");
        String bearer = builder.build(callout(CalloutMethod.POST, DataFormat.XML,
                new Authentication(AuthenticationType.BEARER, null, null, "tok"), "http://h/"), ticket(), "EDITED", 1,
                "k").header("Authorization");
        CalloutRequest custom = builder.build(callout(CalloutMethod.POST, DataFormat.XML,
                new Authentication(AuthenticationType.HEADER, null, "X-Api-Key", "v4lue"), "http://h/"), ticket(),
                "EDITED", 1, "k");

        assertThat(basic).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                "psa:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(bearer).isEqualTo("Bearer tok");
        assertThat(custom.header("X-Api-Key")).isEqualTo("v4lue");
        assertThat(custom.header("Authorization")).isNull();
    }

    @Test
    void toStringNeverShowsHeaderValues() {
        CalloutRequest request = builder.build(callout(CalloutMethod.POST, DataFormat.XML,
                new Authentication(AuthenticationType.BEARER, null, null, "tok-secret"), "http://h/"), ticket(),
                "EDITED", 1, "k");

        assertThat(request.toString()).doesNotContain("tok-secret").contains("Authorization");
    }
}
