package io.steersman.apiserver;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

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

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(825);
    private static final String SIGNATURE = "SHA256withECDSA";

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
        X509Certificate caCert = caCertificate(ca);
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

    /** A key store holding the server key with the chain [server, CA], for the TLS connector. */
    KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("apiserver", serverKey, password, new X509Certificate[] {serverCertificate, caCertificate});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS key store", e);
        }
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
        return new ServerCertificates(caCert, caKey, serverCertificate(server, caCert, caKey), server.getPrivate());
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

    private static X509Certificate caCertificate(KeyPair ca) {
        try {
            X500Name name = new X500Name("CN=steersman-ca");
            Instant now = Instant.now();
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_VALIDITY)), name, ca.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(ca.getPublic()));
            return sign(builder, ca.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the CA certificate", e);
        }
    }

    private static X509Certificate serverCertificate(KeyPair server, X509Certificate caCert, PrivateKey caKey) {
        try {
            Instant now = Instant.now();
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            GeneralNames names = new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1"),
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.dNSName, "kubernetes"),
                new GeneralName(GeneralName.dNSName, "kubernetes.default"),
                new GeneralName(GeneralName.dNSName, "kubernetes.default.svc"),
                new GeneralName(GeneralName.dNSName, "kubernetes.default.svc.cluster.local"),
            });
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()), serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(SERVER_VALIDITY)),
                    new X500Name("CN=steersman-apiserver"), server.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, names)
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(caCert))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(server.getPublic()));
            return sign(builder, caKey);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the server certificate", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) throws GeneralSecurityException {
        try {
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, new SecureRandom());
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (object instanceof PrivateKey key) {
                // PKCS#8 ("PRIVATE KEY"): carries the curve, and Go and the JDK both read it.
                writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
            } else {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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

    private static X509Certificate readCertificate(Path file) throws IOException {
        Object parsed = parse(file);
        if (!(parsed instanceof X509CertificateHolder holder)) {
            throw new IllegalStateException(file + " does not hold a PEM certificate");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " holds a certificate the JDK cannot read", e);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        Object parsed = parse(file);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        if (parsed instanceof PEMKeyPair pair) {
            return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (parsed instanceof PrivateKeyInfo info) {
            return converter.getPrivateKey(info);
        }
        throw new IllegalStateException(file + " does not hold a PEM private key");
    }

    private static Object parse(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            return parser.readObject();
        }
    }
}
