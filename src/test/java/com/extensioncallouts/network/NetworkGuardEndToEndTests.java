package com.extensioncallouts.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.journal.AttemptLog;
import com.extensioncallouts.journal.AttemptRecord;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.TestHostResolver;

/**
 * The network guard in the running application (deny-private off, the default): every always-refused range is a
 * 400 on {@code url} when a callout is saved, and a callout saved while its host resolved to an allowed address
 * fails its attempts, recorded and retried like any other failure, once the DNS answer turns to a refused address.
 * Only the tests' own resolver answers; nothing but loopback is ever contacted.
 */
@ExtendWith(OutputCaptureExtension.class)
class NetworkGuardEndToEndTests extends CalloutEngineTest {

    @Autowired TestHostResolver dns;
    @Autowired AttemptLog attempts;
    @Autowired TestRestTemplate rest;

    @AfterEach
    void forgetNames() {
        dns.forget("rmm.test");
        dns.forget("metadata.test");
    }

    @Test
    void everyAlwaysRefusedRangeIsA400OnUrlThatSaysWhy() {
        dns.answer("metadata.test", "10.1.2.3", "169.254.169.254");
        Map<String, String> refused = Map.ofEntries(
                Map.entry("http://169.254.169.254/latest/meta-data/",
                        "169.254.169.254 is a link-local/cloud metadata address"),
                Map.entry("http://169.254.1.1:8080/x", "169.254.1.1 is a link-local/cloud metadata address"),
                Map.entry("http://[fe80::1]/", "fe80:0:0:0:0:0:0:1 is a link-local address"),
                Map.entry("https://[febf::1]:8443/", "febf:0:0:0:0:0:0:1 is a link-local address"),
                Map.entry("http://[fd00:ec2::254]/latest/",
                        "fd00:ec2:0:0:0:0:0:254 is a cloud metadata (AWS) address"),
                Map.entry("http://100.100.100.200/latest/",
                        "100.100.100.200 is a cloud metadata (Alibaba Cloud) address"),
                Map.entry("http://168.63.129.16/machine",
                        "168.63.129.16 is a cloud platform (Azure WireServer) address"),
                Map.entry("http://[::ffff:169.254.169.254]/",
                        "169.254.169.254 is a link-local/cloud metadata address"),
                Map.entry("http://[::ffff:a9fe:a9fe]/", "169.254.169.254 is a link-local/cloud metadata address"),
                Map.entry("http://[::ffff:100.100.100.200]/",
                        "100.100.100.200 is a cloud metadata (Alibaba Cloud) address"),
                Map.entry("http://[::169.254.169.254]/",
                        "0:0:0:0:0:0:a9fe:a9fe (169.254.169.254) is a link-local/cloud metadata address"),
                Map.entry("http://[64:ff9b::a9fe:a9fe]/",
                        "64:ff9b:0:0:0:0:a9fe:a9fe (169.254.169.254) is a link-local/cloud metadata address"),
                Map.entry("https://metadata.test/",
                        "metadata.test resolves to 169.254.169.254, a link-local/cloud metadata address"));

        GuardApi api = new GuardApi(rest);
        refused.forEach((url, why) -> api.assertRefused(url, "Callouts may not be sent there: " + why + "."));
    }

    @Test
    void anUpdateToARefusedUrlIs400AndChangesNothing() {
        Callout callout = create(draft(unique("Guarded"), RMM.url("/rmm/kept"), "POST", "JSON", "ON_ERROR",
                "g@msp.example"));

        new GuardApi(rest).assertUpdateRefused(callout.id(), "http://169.254.169.254/",
                "169.254.169.254 is a link-local/cloud metadata address");
        assertThat(callouts.get(callout.id()).url()).isEqualTo(RMM.url("/rmm/kept"));
    }

    @Test
    void aNameThatTurnsToARefusedAddressFailsEachAttemptUntilItResolvesBack(CapturedOutput log) {
        dns.answer("rmm.test", "127.0.0.1");
        String url = RMM.url("/rmm/rebound").replace("127.0.0.1", "rmm.test");
        Callout callout = create(draft(unique("Rebound"), url, "POST", "JSON", "ON_ERROR", "r@msp.example"));
        String first = start(callout.name(), ticket("T1", "a-1"), "EDITED");
        drive(first);
        assertThat(delivery(first).delivered()).isTrue();
        assertThat(RMM.requests()).singleElement()
                .satisfies(r -> assertThat(r.header("Host")).startsWith("rmm.test:"));

        dns.answer("rmm.test", "169.254.169.254");
        String pid = start(callout.name(), ticket("T2", "a-2"), "EDITED");
        drive(pid, 1);
        dns.answer("rmm.test", "::ffff:169.254.169.254");
        drive(pid, 2);
        dns.answer("rmm.test", "fd00:ec2::254", "127.0.0.1");
        drive(pid, 2);
        assertThat(RMM.requests()).as("the receiver saw none of these attempts").hasSize(1);
        assertThat(runtime.getVariable(pid, "lastError"))
                .isEqualTo("refused: rmm.test resolves to fd00:ec2:0:0:0:0:0:254, a cloud metadata (AWS) address");

        dns.answer("rmm.test", "127.0.0.1");
        drive(pid);

        assertThat(attempts.attemptsOf(pid))
                .extracting(AttemptRecord::attempt, AttemptRecord::status, AttemptRecord::error, AttemptRecord::outcome)
                .containsExactly(
                        tuple(1, null, "refused: rmm.test resolves to 169.254.169.254, a link-local/cloud metadata "
                                + "address", AttemptRecord.Outcome.UNREACHABLE),
                        tuple(2, null, "refused: rmm.test resolves to 169.254.169.254, a link-local/cloud metadata "
                                + "address", AttemptRecord.Outcome.UNREACHABLE),
                        tuple(3, null, "refused: rmm.test resolves to fd00:ec2:0:0:0:0:0:254, a cloud metadata (AWS) "
                                + "address", AttemptRecord.Outcome.UNREACHABLE),
                        tuple(4, 200, null, AttemptRecord.Outcome.DELIVERED));
        assertThat(RMM.requests()).hasSize(2);
        assertThat(RMM.requests().get(1).header("X-Callout-Attempt")).isEqualTo("4");
        assertThat(log.getAll()).contains("CALLOUT-16001 Did not connect to rmm.test: refused: rmm.test resolves to "
                + "169.254.169.254, a link-local/cloud metadata address");
        assertThat(List.of(log.getAll().split("\n"))).noneMatch(line -> line.contains("CALLOUT-16001")
                && line.contains("127.0.0.1"));
    }
}
