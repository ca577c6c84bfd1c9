package io.steersman.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCertificatesTest {

    @Test
    void writesPemFilesOnceAndReadsTheSameCaBack(@TempDir Path dir) throws Exception {
        ServerCertificates first = ServerCertificates.loadOrCreate(dir.resolve("pki"));
        assertThat(Files.readString(dir.resolve("pki/ca.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.getPosixFilePermissions(dir.resolve("pki/ca.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        ServerCertificates second = ServerCertificates.loadOrCreate(dir.resolve("pki"));
        assertThat(second.caCertificatePem()).isEqualTo(first.caCertificatePem());
        assertThat(second.serverCertificatePem()).isEqualTo(first.serverCertificatePem());
    }

    @Test
    void serverCertificateNamesLoopbackAndIsSignedByTheCa() throws Exception {
        ServerCertificates certificates = ServerCertificates.generate();
        X509Certificate ca = certificates.caCertificate();
        X509Certificate server = certificates.serverCertificate();
        server.verify(ca.getPublicKey());
        List<String> names = server.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
        assertThat(names).contains("127.0.0.1", "localhost");
        assertThat(names).anyMatch(n -> n.startsWith("0:0:0:0:0:0:0:1"));
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aMissingServerCertificateIsReissuedByTheKeptCa(@TempDir Path dir) throws Exception {
        ServerCertificates first = ServerCertificates.loadOrCreate(dir);
        Files.delete(dir.resolve("apiserver.crt"));
        ServerCertificates second = ServerCertificates.loadOrCreate(dir);
        assertThat(second.caCertificatePem()).isEqualTo(first.caCertificatePem());
        assertThat(second.serverCertificatePem()).isNotEqualTo(first.serverCertificatePem());
    }
}
