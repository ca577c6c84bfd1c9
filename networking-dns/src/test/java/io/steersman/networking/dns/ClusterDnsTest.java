package io.steersman.networking.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steersman.api.controller.PluginSettings;
import io.steersman.api.model.IntOrString;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.core.ContainerPort;
import io.steersman.api.model.core.Service;
import io.steersman.api.model.core.ServiceSpec;
import io.steersman.networking.Net;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Real queries over UDP and TCP (dnsjava's resolver) against the DNS server over a control plane
 * with Services, pods and the endpoint controllers.
 */
class ClusterDnsTest {
    private static final Map<String, String> WEB = Map.of("app", "web");
    private static final Map<String, String> DB = Map.of("app", "db");
    private Net net;
    private ClusterDns dns;
    private String clusterIp;

    @BeforeEach
    void cluster() throws Exception {
        net = new Net();
        clusterIp = net.service("web", WEB, Net.port("http", 80, IntOrString.of(8080))).spec().clusterIP();
        net.pod("web-a", WEB, ContainerPort.of("http", 8080));
        net.running("web-a", "10.244.0.5", true);

        net.headless("db", DB, Net.port("mysql", 3306, IntOrString.of(3306)));
        net.pod("db-0", DB, "db-0", "db");
        net.pod("db-1", DB, "db-1", "db");
        net.pod("db-2", DB, "db-2", "db");
        net.running("db-0", "10.244.1.10", true);
        net.running("db-1", "10.244.1.11", true);
        net.running("db-2", "10.244.1.12", false);

        net.headless("empty", Map.of("app", "none"));
        net.cp.apply(Service.of(ObjectMeta.named(Net.NS, "search"),
                new ServiceSpec("ExternalName", null, null, null, null, null, null, null, null, "search.example.com", null)));
        net.settle();
        dns = start(Map.of("steersman.dns.port", "0"));
    }

    private ClusterDns start(Map<String, String> settings) throws Exception {
        ClusterDns server = new ClusterDns(net.client(), net.cp.clock(), key -> Optional.ofNullable(settings.get(key)));
        server.start();
        return server;
    }

    @AfterEach
    void close() {
        if (dns != null) {
            dns.close();
        }
        net.close();
    }

    private Message query(String name, int type, boolean tcp) throws IOException {
        SimpleResolver resolver = new SimpleResolver(dns.address());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    private Message query(String name, int type) throws IOException {
        return query(name, type, false);
    }

    private static List<String> addresses(Message response, int section) {
        return Arrays.stream(response.getSectionArray(section)).filter(ARecord.class::isInstance)
                .map(r -> ((ARecord) r).getAddress().getHostAddress()).sorted().toList();
    }

    private static void assertNegative(Message response, int rcode) {
        assertThat(response.getRcode()).isEqualTo(rcode);
        assertThat(response.getSectionArray(Section.ANSWER)).isEmpty();
        Record[] authority = response.getSectionArray(Section.AUTHORITY);
        assertThat(authority).hasSize(1);
        assertThat(authority[0]).isInstanceOf(SOARecord.class);
        assertThat(authority[0].getName().toString()).isEqualTo("cluster.local.");
        assertThat(((SOARecord) authority[0]).getHost().toString()).isEqualTo("ns.dns.cluster.local.");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aServiceNameAnswersItsClusterIpOverUdpAndTcp(boolean tcp) throws IOException {
        Message response = query("web.default.svc.cluster.local.", Type.A, tcp);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(addresses(response, Section.ANSWER)).containsExactly(clusterIp);
        assertThat(response.getSectionArray(Section.ANSWER)[0].getTTL()).isEqualTo(30);
    }

    @Test
    void namesAreCaseInsensitive() throws IOException {
        assertThat(addresses(query("WEB.Default.SVC.Cluster.Local.", Type.A), Section.ANSWER)).containsExactly(clusterIp);
    }

    @Test
    void aHeadlessServiceAnswersItsReadyEndpointsAndEachHostname() throws IOException {
        assertThat(addresses(query("db.default.svc.cluster.local.", Type.A), Section.ANSWER)).containsExactly("10.244.1.10", "10.244.1.11");
        assertThat(addresses(query("db-0.db.default.svc.cluster.local.", Type.A), Section.ANSWER)).containsExactly("10.244.1.10");
        assertThat(addresses(query("db-1.db.default.svc.cluster.local.", Type.A), Section.ANSWER)).containsExactly("10.244.1.11");
        // db-2 is not ready: not published
        assertNegative(query("db-2.db.default.svc.cluster.local.", Type.A), Rcode.NXDOMAIN);
    }

    @Test
    void endpointsFollowReadinessChanges() throws IOException {
        net.running("db-2", "10.244.1.12", true);
        net.running("db-0", "10.244.1.10", false);
        net.settle();

        assertThat(addresses(query("db.default.svc.cluster.local.", Type.A), Section.ANSWER)).containsExactly("10.244.1.11", "10.244.1.12");
        assertThat(addresses(query("db-2.db.default.svc.cluster.local.", Type.A), Section.ANSWER)).containsExactly("10.244.1.12");
    }

    @Test
    void aHeadlessServiceWithoutReadyEndpointsDoesNotExist() throws IOException {
        assertNegative(query("empty.default.svc.cluster.local.", Type.A), Rcode.NXDOMAIN);
    }

    @Test
    void namesThatExistWithoutRecordsOfTheTypeAnswerNoData() throws IOException {
        assertNegative(query("web.default.svc.cluster.local.", Type.AAAA), Rcode.NOERROR);
        assertNegative(query("web.default.svc.cluster.local.", Type.TXT), Rcode.NOERROR);
        assertNegative(query("default.svc.cluster.local.", Type.A), Rcode.NOERROR);
    }

    @Test
    void unknownNamesAnswerNxdomain() throws IOException {
        assertNegative(query("nope.default.svc.cluster.local.", Type.A), Rcode.NXDOMAIN);
        assertNegative(query("nowhere.svc.cluster.local.", Type.A), Rcode.NXDOMAIN);
        assertNegative(query("web.nowhere.svc.cluster.local.", Type.A), Rcode.NXDOMAIN);
        assertNegative(query("_nope._tcp.web.default.svc.cluster.local.", Type.SRV), Rcode.NXDOMAIN);
    }

    @Test
    void namesOutsideTheClusterDomainAreRefused() throws IOException {
        Message response = query("example.com.", Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(response.getSectionArray(Section.ANSWER)).isEmpty();
    }

    @Test
    void namedPortsHaveSrvRecordsWithTheTargetsAddresses() throws IOException {
        Message web = query("_http._tcp.web.default.svc.cluster.local.", Type.SRV);
        SRVRecord srv = (SRVRecord) web.getSectionArray(Section.ANSWER)[0];
        assertThat(srv.getPort()).isEqualTo(80);
        assertThat(srv.getTarget().toString()).isEqualTo("web.default.svc.cluster.local.");
        assertThat(addresses(web, Section.ADDITIONAL)).containsExactly(clusterIp);

        Message db = query("_mysql._tcp.db.default.svc.cluster.local.", Type.SRV);
        assertThat(Arrays.stream(db.getSectionArray(Section.ANSWER)).map(r -> ((SRVRecord) r).getTarget().toString()))
                .containsExactlyInAnyOrder("db-0.db.default.svc.cluster.local.", "db-1.db.default.svc.cluster.local.");
        assertThat(Arrays.stream(db.getSectionArray(Section.ANSWER)).map(r -> ((SRVRecord) r).getPort())).containsOnly(3306);
        assertThat(addresses(db, Section.ADDITIONAL)).containsExactly("10.244.1.10", "10.244.1.11");
        assertNegative(query("_mysql._udp.db.default.svc.cluster.local.", Type.SRV), Rcode.NXDOMAIN);
    }

    @Test
    void reverseLookupsNameTheServiceOrTheEndpoint() throws IOException {
        String[] octets = clusterIp.split("\\.");
        String reverse = octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0] + ".in-addr.arpa.";
        Message service = query(reverse, Type.PTR);
        assertThat(((PTRRecord) service.getSectionArray(Section.ANSWER)[0]).getTarget().toString()).isEqualTo("web.default.svc.cluster.local.");

        Message endpoint = query("11.1.244.10.in-addr.arpa.", Type.PTR);
        assertThat(((PTRRecord) endpoint.getSectionArray(Section.ANSWER)[0]).getTarget().toString())
                .isEqualTo("db-1.db.default.svc.cluster.local.");
        assertThat(query("99.1.244.10.in-addr.arpa.", Type.PTR).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void podNamesAnswerTheirDashedAddress() throws IOException {
        assertThat(addresses(query("10-244-0-5.default.pod.cluster.local.", Type.A), Section.ANSWER)).containsExactly("10.244.0.5");
        assertNegative(query("10-244-0.default.pod.cluster.local.", Type.A), Rcode.NXDOMAIN);
    }

    @Test
    void anExternalNameServiceIsACname() throws IOException {
        Record answer = query("search.default.svc.cluster.local.", Type.A).getSectionArray(Section.ANSWER)[0];

        assertThat(answer).isInstanceOf(CNAMERecord.class);
        assertThat(((CNAMERecord) answer).getTarget().toString()).isEqualTo("search.example.com.");
    }

    @Test
    void theSchemaVersionIsPublished() throws IOException {
        TXTRecord txt = (TXTRecord) query("dns-version.cluster.local.", Type.TXT).getSectionArray(Section.ANSWER)[0];

        assertThat(txt.getStrings()).containsExactly("1.1.0");
    }

    @Test
    void aLargeAnswerIsTruncatedOverUdpAndWholeOverTcp() throws IOException {
        net.headless("many", Map.of("app", "many"));
        for (int i = 0; i < 60; i++) {
            net.pod("many-" + i, Map.of("app", "many"));
            net.running("many-" + i, "10.244.2." + (i + 2), true);
        }
        net.settle();

        SimpleResolver udp = new SimpleResolver(dns.address());
        udp.setIgnoreTruncation(true);
        udp.setEDNS(-1);  // no EDNS: the 512 bytes of plain DNS over UDP
        Message truncated = udp.send(Message.newQuery(Record.newRecord(Name.fromString("many.default.svc.cluster.local."), Type.A, DClass.IN)));
        assertThat(truncated.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(addresses(query("many.default.svc.cluster.local.", Type.A, true), Section.ANSWER)).hasSize(60);
    }

    @Test
    void withoutAPortSettingNoServerRuns() throws Exception {
        ClusterDns off = start(Map.of());
        try {
            assertThat(off.address()).isNull();
        } finally {
            off.close();
        }
    }

    @Test
    void badSettingsNameTheSetting() {
        ClusterDns bad = new ClusterDns(net.client(), net.cp.clock(), key -> Optional.ofNullable(Map.of("steersman.dns.port", "dns").get(key)));

        assertThatThrownBy(bad::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("steersman.dns.port: \"dns\" is not a number from 0 to 65535");
    }

    @Test
    void aTakenPortFailsTheStart() throws Exception {
        InetSocketAddress taken = dns.address();
        PluginSettings samePort = key -> Optional.ofNullable(Map.of("steersman.dns.port", String.valueOf(taken.getPort())).get(key));
        ClusterDns second = new ClusterDns(net.client(), net.cp.clock(), samePort);
        try {
            assertThatThrownBy(second::start).isInstanceOf(IOException.class).hasMessageContaining("cannot listen on");
        } finally {
            second.close();
        }
    }
}
