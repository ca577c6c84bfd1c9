package io.steersman.apiserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/**
 * The TLS material of the API server: a self-signed certificate authority and a server certificate it
 * signed for {@code 127.0.0.1}, {@code ::1} and {@code localhost} (plus the in-cluster names
 * {@code kubernetes}, {@code kubernetes.default}, ...). Keys are ECDSA P-256, which Go's TLS stack
 * (kubectl) and the JDK both accept.
 *
 * <p>{@link #loadOrCreate(Path)} keeps the material as PEM files in a data directory
 * ({@code ca.crt}, {@code ca.key}, {@code apiserver.crt}, {@code apiserver.key}; keys with mode 0600),
 * so a restarted server keeps the CA that kubeconfigs already trust. {@link #generate()} makes fresh
 * material in memory (tests). Put {@link #caCertificatePem()} into a kubeconfig's
 * {@code certificate-authority-data} (base64) so kubectl verifies the server.
 *
 * <p>Immutable and thread-safe. Failures to read or write the files are {@link UncheckedIOException}s;
 * broken files are {@link IllegalStateException}s naming the file.
 */
public final class ServerCertificates {
    static final String CA_CERT = "ca.crt";
    static final String CA_KEY = "ca.key";
    static final String SERVER_CERT = "apiserver.crt";
    static final String SERVER_KEY = "apiserver.key";


    private final X509Certificate caCertificate;
    private final PrivateKey caKey;
    private final X509Certificate serverCertificate;
    private final PrivateKey serverKey;

    private ServerCertificates(X509Certificate caCertificate, PrivateKey caKey,
            X509Certificate serverCertificate, PrivateKey serverKey) {
        this.caCertificate = caCertificate;
        this.caKey = caKey;
        this.serverCertificate = serverCertificate;
        this.serverKey = serverKey;
    }

    /** Fresh CA and server certificate, in memory only. */
    public static ServerCertificates generate() {
        KeyPair ca = newKeyPair();
        X509Certificate caCert = CertificateIssuer.caCertificate(ca);
        return withServerCertificate(caCert, ca.getPrivate());
    }

    /**
     * Reads the four PEM files from {@code directory}; creates what is missing (a missing or expired CA
     * makes a new CA and a new server certificate; a missing or expiring server certificate is re-issued
     * by the existing CA). Creates the directory when needed.
     */
    public static ServerCertificates loadOrCreate(Path directory) {
        try {
            Files.createDirectories(directory);
            Path caCertFile = directory.resolve(CA_CERT);
            Path caKeyFile = directory.resolve(CA_KEY);
            Path serverCertFile = directory.resolve(SERVER_CERT);
            Path serverKeyFile = directory.resolve(SERVER_KEY);
            Instant soon = Instant.now().plus(Duration.ofDays(1));
            ServerCertificates result;
            if (Files.exists(caCertFile) && Files.exists(caKeyFile)
                    && readCertificate(caCertFile).getNotAfter().toInstant().isAfter(soon)) {
                X509Certificate caCert = readCertificate(caCertFile);
                PrivateKey caKey = readKey(caKeyFile);
                if (Files.exists(serverCertFile) && Files.exists(serverKeyFile)
                        && readCertificate(serverCertFile).getNotAfter().toInstant().isAfter(soon)) {
                    return new ServerCertificates(caCert, caKey, readCertificate(serverCertFile), readKey(serverKeyFile));
                }
                result = withServerCertificate(caCert, caKey);
            } else {
                result = generate();
                writePem(caCertFile, result.caCertificate, false);
                writePem(caKeyFile, result.caKey, true);
            }
            writePem(serverCertFile, result.serverCertificate, false);
            writePem(serverKeyFile, result.serverKey, true);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the API server certificates in " + directory, e);
        }
    }

    /** The CA certificate as PEM: what a kubeconfig's {@code certificate-authority-data} carries (base64-encoded). */
    public String caCertificatePem() {
        return pem(caCertificate);
    }

    /** The server certificate as PEM. */
    public String serverCertificatePem() {
        return pem(serverCertificate);
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /**
     * A new TLS server context that presents the server key with the chain [server, CA]: what the API
     * server serves with, and what another server (a benchmark's peer) can serve the same certificate with.
     */
    public SSLContext serverContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new ServerKeyManager(serverKey, serverCertificate, caCertificate)}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the TLS server context", e);
        }
    }

    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    /** A trust store holding the CA, for clients in tests. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("steersman-ca", caCertificate);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the trust store", e);
        }
    }

    private static ServerCertificates withServerCertificate(X509Certificate caCert, PrivateKey caKey) {
        KeyPair server = newKeyPair();
        return new ServerCertificates(caCert, caKey, CertificateIssuer.serverCertificate(server, caCert, caKey), server.getPrivate());
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make EC P-256 keys", e);
        }
    }

    /** PEM through the JDK: a certificate's DER, or a key's PKCS#8 ("PRIVATE KEY": carries the curve; Go and the JDK read it). */
    private static String pem(Object object) {
        String type;
        byte[] der;
        try {
            if (object instanceof PrivateKey key) {
                if (!"PKCS#8".equals(key.getFormat())) {
                    throw new IllegalStateException("cannot write a " + key.getFormat() + " key as PKCS#8 PEM");
                }
                type = "PRIVATE KEY";
                der = key.getEncoded();
            } else if (object instanceof X509Certificate certificate) {
                type = "CERTIFICATE";
                der = certificate.getEncoded();
            } else {
                throw new IllegalArgumentException("cannot write a " + object.getClass().getName() + " as PEM");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the certificate", e);
        }
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void writePem(Path file, Object object, boolean secret) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (secret && temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temp, pem(object), StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    // Reading and writing go through the JDK alone; BouncyCastle is in CertificateIssuer, used only to
    // make certificates (once per data directory). Its jars are signed, and the first class loaded
    // from them makes the JVM verify the jar's signature: a cold start would pay for it every time.

    private static X509Certificate readCertificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(file + " does not hold a PEM certificate the JDK can read", e);
        }
    }

    /** A PKCS#8 PEM key ({@code BEGIN PRIVATE KEY}), as {@link #writePem} writes them; older PEM forms through BouncyCastle. */
    private static PrivateKey readKey(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            return CertificateIssuer.readKey(file);
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next
            }
        }
        throw new IllegalStateException(file + " holds a private key of an algorithm the JDK cannot read");
    }
}
